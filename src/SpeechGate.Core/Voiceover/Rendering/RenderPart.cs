using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>A decodable piece of a delivered line (one request's audio, or a whole kept take) and its alignment.</summary>
internal sealed class RenderPart(string file, CharacterAlignment? alignment)
{
    public string File { get; } = file;

    public CharacterAlignment? Alignment { get; } = alignment;

    /// <summary>Decoded samples (set by the layout pass).</summary>
    public long Samples { get; set; }
}
