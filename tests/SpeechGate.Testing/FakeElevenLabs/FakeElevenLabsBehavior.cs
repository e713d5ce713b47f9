namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Knobs of the fake; change them between requests.</summary>
public sealed class FakeElevenLabsBehavior
{
    /// <summary>Wait between the response headers and the first audio byte.</summary>
    public TimeSpan FirstByteDelay { get; set; }

    /// <summary>Wait between audio chunks.</summary>
    public TimeSpan ChunkInterval { get; set; }

    /// <summary>Audio bytes per chunk (and per NDJSON line).</summary>
    public int ChunkSize { get; set; } = 4096;

    /// <summary>Concurrent TTS requests allowed per model family; null means the plan's limit (§12).</summary>
    public int? ConcurrencyLimit { get; set; }

    /// <summary>The shape of error bodies (an invalid key always uses the current shape, as observed live).</summary>
    public FakeErrorFormat ErrorFormat { get; set; } = FakeErrorFormat.Legacy;

    /// <summary>
    /// Makes the audio bytes (identity, format, seconds) instead of the hash-seeded pattern: tests that decode audio
    /// plug in a real encoder so the fake answers decodable clips, as ElevenLabs does. Must be deterministic.
    /// </summary>
    public Func<string, Audio.AudioFormat, double, byte[]>? AudioFactory { get; set; }

    /// <summary>Seconds of audio per character of text (about 1,000 characters a minute).</summary>
    public double SecondsPerCharacter { get; set; } = 0.06;
}
