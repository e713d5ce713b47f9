namespace SpeechGate.Providers.Local.Engine;

/// <summary>The engine's output for one piece of text: mono 16-bit samples and the word events.</summary>
/// <param name="Samples">A view of the response's <see cref="SampleBuffer"/>: read it before the next sentence.</param>
/// <param name="SampleRate">The engine's output rate.</param>
/// <param name="Words">Where each word starts, in text and audio.</param>
internal sealed record SentenceAudio(ReadOnlyMemory<short> Samples, int SampleRate, IReadOnlyList<WordMark> Words);
