namespace SpeechGate.Server.Json;

/// <summary>ElevenLabs' <c>voice_settings</c> object; every field optional.</summary>
internal sealed class VoiceSettingsBody
{
    public double? Stability { get; init; }

    public double? SimilarityBoost { get; init; }

    public double? Style { get; init; }

    public bool? UseSpeakerBoost { get; init; }

    public double? Speed { get; init; }
}
