namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary><c>{"voice_id"}</c>.</summary>
internal sealed record ElevenLabsVoiceIdResult(string VoiceId);
