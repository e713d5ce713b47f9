namespace SpeechGate.Synthesis;

/// <summary>Turns text into audio. Providers implement it; pipeline stages wrap it.</summary>
/// <remarks>
/// Implementations must be safe for concurrent use. The returned <see cref="SpeechAudio"/> is a stream:
/// bytes can be consumed as they arrive, and a "convert" is reading it to the end.
/// Failures that happen before any audio exists are thrown from this method; failures while streaming are
/// thrown from the enumeration of <see cref="SpeechAudio.Chunks"/>.
/// </remarks>
public interface ISpeechSynthesizer
{
    /// <summary>Starts synthesis and returns as soon as the response metadata is known.</summary>
    Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default);
}
