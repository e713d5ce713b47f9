using SpeechGate.Synthesis;

namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>A with-timestamps answer, or one NDJSON line of the streamed variant.</summary>
internal sealed record TimestampedAudioBody(string? AudioBase64, CharacterAlignment? Alignment, CharacterAlignment? NormalizedAlignment);
