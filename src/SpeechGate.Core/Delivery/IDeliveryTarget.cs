namespace SpeechGate.Delivery;

/// <summary>Somewhere a finished render goes: a folder, an S3-compatible bucket, a webhook.</summary>
/// <remarks>
/// Delivery is at least once: an attempt may be repeated (after a crash, or when an answer was lost), always with the
/// same <see cref="DeliveryPackage.IdempotencyKey"/>, and must leave the target as one attempt would.
/// </remarks>
public interface IDeliveryTarget
{
    /// <summary>The target's name in history and logs.</summary>
    string Name { get; }

    /// <summary>Delivers <paramref name="package"/> once; returns what the target answered, for history.</summary>
    /// <exception cref="DeliveryException">The target refused or could not be reached; the caller may retry.</exception>
    Task<string> DeliverAsync(DeliveryPackage package, CancellationToken cancellationToken = default);
}

/// <summary>A delivery attempt failed.</summary>
public sealed class DeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeliveryException()
        : base("Delivery failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public DeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
