namespace SpeechGate.Synthesis;

/// <summary>Lets a stage learn the moment a provider sends a billable request (after waiting for a concurrency slot).</summary>
/// <remarks>
/// The budget stage marks its reservation "sent" here: a crash before this point leaves a call that was never made
/// (released on restart), a crash after it a call that may have been paid (ledgered as unsettled). Flows with the
/// async context from the stage to the provider it calls.
/// </remarks>
internal static class UpstreamCall
{
    private static readonly AsyncLocal<Func<ValueTask>?> Sending = new();

    /// <summary>Runs <paramref name="onSending"/> when a provider called within this async flow sends its request.</summary>
    public static void OnSending(Func<ValueTask>? onSending) => Sending.Value = onSending;

    /// <summary>Called by providers just before a billable request goes out (each attempt).</summary>
    public static ValueTask SendingAsync() => Sending.Value is { } callback ? callback() : ValueTask.CompletedTask;
}
