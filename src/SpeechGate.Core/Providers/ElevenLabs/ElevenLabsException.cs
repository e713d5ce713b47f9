using SpeechGate.Synthesis;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>An error answered by ElevenLabs, parsed from either body format (legacy, current, or the 422 array).</summary>
public sealed class ElevenLabsException : UpstreamFailureException
{
    /// <summary>Creates the exception.</summary>
    public ElevenLabsException(int statusCode, string status, string message, Exception? innerException = null)
        : base(statusCode, status, message, innerException)
    {
    }

    /// <summary>Creates an exception with status 500 <c>something_went_wrong</c>.</summary>
    public ElevenLabsException()
        : this(500, "something_went_wrong", "ElevenLabs request failed.")
    {
    }

    /// <summary>Creates an exception with status 500 <c>something_went_wrong</c>.</summary>
    public ElevenLabsException(string message)
        : this(500, "something_went_wrong", message)
    {
    }

    /// <summary>Creates an exception with status 500 <c>something_went_wrong</c>.</summary>
    public ElevenLabsException(string message, Exception innerException)
        : this(500, "something_went_wrong", message, innerException)
    {
    }

    /// <summary>The entries of a 422 <c>{"detail":[…]}</c> body; empty otherwise.</summary>
    public IReadOnlyList<ElevenLabsValidationError> ValidationErrors { get; init; } = [];

    /// <summary>The wait the server asked for (<c>retry-after-ms</c>, <c>retry-after</c>), if any.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether another attempt may succeed: 408, 429 and 5xx, and only before audio reached the caller.</summary>
    public bool IsTransient => !AfterAudioStarted && (StatusCode is 408 or 429 || StatusCode >= 500);

    /// <summary>Whether the account's concurrency limit was hit (wait for a slot rather than back off blindly).</summary>
    public bool IsConcurrencyLimit => StatusCode == 429
        && (Status == "too_many_concurrent_requests" || Code == "concurrent_limit_exceeded");
}
