using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>One request of a line (a long line is split into several), and what it came back with.</summary>
internal sealed class RenderSegment(SpeechRequest request)
{
    public SpeechRequest Request { get; set; } = request;

    public int Credits { get; set; }

    public bool Cached { get; set; }

    public string? File { get; set; }

    public CharacterAlignment? Alignment { get; set; }

    public SpeechCacheStatus Status { get; set; }

    public string? RequestId { get; set; }

    public string? VoiceId { get; set; }

    public int Billed { get; set; }

    /// <summary>Decoded length in samples, and the rate.</summary>
    public long Samples { get; set; }

    public int SampleRate { get; set; }
}
