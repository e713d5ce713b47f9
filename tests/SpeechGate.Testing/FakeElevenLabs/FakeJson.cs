using System.Text.Json.Nodes;
using SpeechGate.Models;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Response bodies with every field the official JS SDK requires (elevenlabs-api.md §11).</summary>
internal static class FakeJson
{
    public static JsonObject Voice(FakeVoice voice) => new()
    {
        ["voice_id"] = voice.VoiceId,
        ["name"] = voice.Name,
        ["category"] = voice.Category,
        ["labels"] = new JsonObject([.. voice.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value)))]),
        ["description"] = voice.Description,
        ["preview_url"] = $"https://storage.example/voices/{voice.VoiceId}/preview.mp3",
        ["available_for_tiers"] = new JsonArray(),
        ["high_quality_base_model_ids"] = new JsonArray("eleven_multilingual_v2", "eleven_flash_v2_5"),
        ["settings"] = new JsonObject { ["stability"] = 0.5, ["similarity_boost"] = 0.75, ["style"] = 0.0, ["use_speaker_boost"] = true, ["speed"] = 1.0 },
        ["sharing"] = voice.PublicOwnerId is null ? null : new JsonObject
        {
            ["status"] = "copied",
            ["public_owner_id"] = voice.PublicOwnerId,
            ["original_voice_id"] = voice.OriginalVoiceId,
            ["free_users_allowed"] = true,
        },
        ["is_owner"] = voice.Category is "cloned" or "generated",
        ["created_at_unix"] = voice.CreatedAtUnix,
    };

    public static JsonObject SharedVoice(FakeSharedVoice voice, bool added) => new()
    {
        ["public_owner_id"] = voice.PublicOwnerId,
        ["voice_id"] = voice.VoiceId,
        ["date_unix"] = 1_690_000_000,
        ["name"] = voice.Name,
        ["accent"] = voice.Accent,
        ["gender"] = voice.Gender,
        ["age"] = "middle_aged",
        ["descriptive"] = "calm",
        ["use_case"] = "narrative_story",
        ["category"] = "professional",
        ["language"] = voice.Language,
        ["usage_character_count_1y"] = 1_000_000,
        ["usage_character_count_7d"] = 20_000,
        ["play_api_usage_character_count_1y"] = 500_000,
        ["cloned_by_count"] = 42,
        ["free_users_allowed"] = false,
        ["live_moderation_enabled"] = false,
        ["featured"] = false,
        ["is_added_by_user"] = added,
    };

    public static JsonObject Model(SpeechModel model) => new()
    {
        ["model_id"] = model.ModelId,
        ["name"] = model.Name,
        ["description"] = model.Name,
        ["can_be_finetuned"] = false,
        ["can_do_text_to_speech"] = true,
        ["can_do_voice_conversion"] = false,
        ["can_use_style"] = true,
        ["can_use_speaker_boost"] = true,
        ["serves_pro_voices"] = false,
        ["token_cost_factor"] = model.CreditsPerCharacter,
        ["requires_alpha_access"] = false,
        ["max_characters_request_free_user"] = Math.Min(2_500, model.MaxCharactersPerRequest),
        ["max_characters_request_subscribed_user"] = model.MaxCharactersPerRequest,
        ["maximum_text_length_per_request"] = model.MaxCharactersPerRequest,
        ["languages"] = new JsonArray([.. model.Languages.Select(l => (JsonNode)new JsonObject { ["language_id"] = l, ["name"] = l })]),
        ["model_rates"] = new JsonObject { ["character_cost_multiplier"] = model.CreditsPerCharacter, ["cost_discount_multiplier"] = 1.0 },
        ["concurrency_group"] = model.CreditsPerCharacter < 1 ? "turbo" : "standard_" + model.ModelId,
    };

    public static JsonObject Subscription(FakeElevenLabsAccount account) => new()
    {
        ["tier"] = account.Tier,
        ["character_count"] = account.CharacterCount,
        ["character_limit"] = account.CharacterLimit,
        ["next_character_count_reset_unix"] = 1_800_000_000,
        ["max_credit_limit_extension"] = 0,
        ["can_extend_character_limit"] = account.Tier != "free",
        ["allowed_to_extend_character_limit"] = account.Tier != "free",
        ["voice_slots_used"] = account.Voices.Count(v => v.Value.Category != "premade"),
        ["professional_voice_slots_used"] = 0,
        ["voice_limit"] = 30,
        ["voice_add_edit_counter"] = 0,
        ["professional_voice_limit"] = 1,
        ["can_extend_voice_limit"] = false,
        ["can_use_instant_voice_cloning"] = account.Tier != "free",
        ["can_use_professional_voice_cloning"] = account.Tier is not ("free" or "starter"),
        ["currency"] = "usd",
        ["current_overage"] = new JsonObject { ["amount"] = 0, ["currency"] = "usd" },
        ["status"] = account.Tier == "free" ? "free" : "active",
        ["billing_period"] = "monthly_period",
        ["character_refresh_period"] = "monthly_period",
        ["open_invoices"] = new JsonArray(),
        ["has_open_invoices"] = false,
    };
}
