namespace SpeechGate.Synthesis;

/// <summary>A whole clip read to the end: audio bytes and, if requested, its alignment.</summary>
public sealed record SpeechClip(
    ReadOnlyMemory<byte> Audio,
    string MediaType,
    CharacterAlignment? Alignment,
    CharacterAlignment? NormalizedAlignment);
