namespace SpeechGate.Synthesis;

/// <summary>Per-character timing, in seconds from the start of the request's audio (ElevenLabs' HTTP format).</summary>
public sealed record CharacterAlignment(
    IReadOnlyList<string> Characters,
    IReadOnlyList<double> CharacterStartTimesSeconds,
    IReadOnlyList<double> CharacterEndTimesSeconds);
