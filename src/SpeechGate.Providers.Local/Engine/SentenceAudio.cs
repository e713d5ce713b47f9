namespace SpeechGate.Providers.Local.Engine;

/// <summary>The engine's output for one piece of text: mono 16-bit samples and the word events.</summary>
internal sealed record SentenceAudio(short[] Samples, int SampleRate, IReadOnlyList<WordMark> Words);
