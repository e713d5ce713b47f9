namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Turns transport failures that outlived the retries into an <see cref="ElevenLabsException"/>.</summary>
internal static class ElevenLabsTransportFailure
{
    /// <summary>Whether <paramref name="exception"/> is a connection failure or an HttpClient timeout (not the caller cancelling).</summary>
    public static bool Matches(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException or IOException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    public static ElevenLabsException Wrap(Exception exception) => exception is TaskCanceledException
        ? new ElevenLabsException(504, "upstream_timeout", "ElevenLabs did not answer in time.", exception)
        : new ElevenLabsException(502, "upstream_unreachable", $"Could not reach ElevenLabs: {exception.Message}", exception);
}
