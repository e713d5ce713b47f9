using SpeechGate.Audio;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>A text-to-speech request the fake accepted, with what decides its audio.</summary>
/// <param name="Text">Text to speak.</param>
/// <param name="ModelId">Model (the API default when the body had none).</param>
/// <param name="Format">Output format.</param>
/// <param name="VoiceSettings">The voice_settings JSON as sent, or empty.</param>
/// <param name="Seed">The seed, if sent.</param>
public sealed record FakeTtsRequest(string Text, string ModelId, AudioFormat Format, string VoiceSettings, long? Seed)
{
    /// <summary>The key the synthetic audio is derived from.</summary>
    public string Identity(string voiceId) => $"{Text}|{voiceId}|{ModelId}|{Format.Name}|{VoiceSettings}|{Seed}";
}
