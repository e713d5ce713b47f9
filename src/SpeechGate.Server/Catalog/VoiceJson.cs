using System.Text.Json.Nodes;
using SpeechGate.Voices;

namespace SpeechGate.Server.Catalog;

/// <summary>Renders a <see cref="VoiceInfo"/> as ElevenLabs' Voice object (spec-required fields always present).</summary>
internal static class VoiceJson
{
    public static JsonObject From(VoiceInfo voice)
    {
        var labels = new JsonObject();
        foreach (var (name, value) in voice.Labels)
        {
            labels[name] = value;
        }

        return new JsonObject
        {
            ["voice_id"] = voice.VoiceId,
            ["name"] = voice.Name,
            ["samples"] = null,
            ["category"] = voice.Category,
            ["fine_tuning"] = null,
            ["labels"] = labels,
            ["description"] = voice.Description,
            ["preview_url"] = null,
            ["available_for_tiers"] = new JsonArray(),
            ["settings"] = voice.Settings is { } settings ? VoiceSettingsJson.From(settings.WithDefaults()) : null,
            ["sharing"] = voice.SharingStatus is null ? null : Sharing(voice),
            ["high_quality_base_model_ids"] = new JsonArray(),
            ["verified_languages"] = new JsonArray(),
            ["safety_control"] = null,
            ["permission_on_resource"] = null,
            ["is_owner"] = voice.PublicOwnerId is null,
            ["is_legacy"] = false,
            ["is_mixed"] = false,
            ["created_at_unix"] = null,
        };
    }

    private static JsonObject Sharing(VoiceInfo voice) => new()
    {
        ["status"] = voice.SharingStatus,
        ["public_owner_id"] = voice.PublicOwnerId,
    };
}
