namespace SpeechGate.Synthesis;

/// <summary>
/// A provider connection a host keeps open for a run of related requests (a realtime voice session): the provider
/// sends the requests it can serve over it instead of one call each. Set on <see cref="SpeechRequest.Session"/>.
/// </summary>
/// <remarks>
/// Stages are unaware of it: the cache still answers repeats (which then never reach the session), the budget still
/// reserves and settles each request, metering still records each one. One session serves one caller, in order.
/// </remarks>
public interface ISpeechSession : IAsyncDisposable
{
    /// <summary>The provider whose requests the session carries (the DI key of the provider).</summary>
    string Provider { get; }

    /// <summary>Whether <paramref name="request"/> fits the open connection (same voice, model and format).</summary>
    bool CanServe(SpeechRequest request);

    /// <summary>Synthesises over the open connection; returns once the first audio arrived, like a provider.</summary>
    Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default);
}
