namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary><c>GET /v1/voices</c>: every voice at once (breaks above 500 voices upstream).</summary>
/// <param name="Voices">The voices.</param>
internal sealed record ElevenLabsVoiceList(IReadOnlyList<ElevenLabsVoice> Voices);
