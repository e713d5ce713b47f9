using System.Text.Json.Serialization;

namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>One designed-voice candidate.</summary>
/// <param name="AudioBase64">The preview audio (wire name <c>audio_base_64</c>).</param>
/// <param name="GeneratedVoiceId">Pass to <c>CreateVoiceAsync</c> to keep the voice.</param>
/// <param name="MediaType">Content type of the audio.</param>
/// <param name="DurationSecs">Length of the preview.</param>
/// <param name="Language">Detected language.</param>
public sealed record ElevenLabsVoicePreview(
    [property: JsonPropertyName("audio_base_64")] string AudioBase64,
    string GeneratedVoiceId,
    string? MediaType = null,
    double? DurationSecs = null,
    string? Language = null);
