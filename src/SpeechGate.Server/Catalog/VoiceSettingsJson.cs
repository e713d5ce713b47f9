using System.Text.Json.Nodes;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Catalog;

/// <summary>Renders <see cref="VoiceSettings"/> as ElevenLabs' VoiceSettings object: every field present, snake_case.</summary>
internal static class VoiceSettingsJson
{
    public static JsonObject From(VoiceSettings settings) => new()
    {
        ["stability"] = settings.Stability,
        ["similarity_boost"] = settings.SimilarityBoost,
        ["style"] = settings.Style,
        ["use_speaker_boost"] = settings.UseSpeakerBoost,
        ["speed"] = settings.Speed,
    };
}
