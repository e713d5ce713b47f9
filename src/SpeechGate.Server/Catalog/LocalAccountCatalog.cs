using System.Text.Json.Nodes;
using SpeechGate.Models;

namespace SpeechGate.Server.Catalog;

/// <summary>
/// The account as the gateway itself sees it: models from <see cref="KnownModels"/> and an unlimited "speechgate"
/// subscription, with every field the JS SDK requires (elevenlabs-api.md §11).
/// </summary>
internal sealed class LocalAccountCatalog(TimeProvider time) : IAccountCatalog
{
    public Task<JsonArray> GetModelsAsync(CancellationToken cancellationToken)
        => Task.FromResult(new JsonArray([.. KnownModels.All.Select(Model)]));

    public Task<JsonObject> GetUserAsync(string? keyPreview, CancellationToken cancellationToken) => Task.FromResult(new JsonObject
    {
        ["user_id"] = "speechgate",
        ["workspace_id"] = "speechgate",
        ["subscription"] = Subscription(),
        ["is_new_user"] = false,
        ["can_use_delayed_payment_methods"] = false,
        ["is_onboarding_completed"] = true,
        ["is_onboarding_checklist_completed"] = true,
        ["first_name"] = null,
        ["is_api_key_hashed"] = true,
        ["xi_api_key_preview"] = keyPreview,
        ["created_at"] = 0,
        ["seat_type"] = "workspace_admin",
    });

    public Task<JsonObject> GetSubscriptionAsync(CancellationToken cancellationToken) => Task.FromResult(Subscription());

    private static JsonObject Model(SpeechModel model) => new()
    {
        ["model_id"] = model.ModelId,
        ["name"] = model.Name,
        ["description"] = model.Name,
        ["can_be_finetuned"] = false,
        ["can_do_text_to_speech"] = true,
        ["can_do_voice_conversion"] = false,
        ["can_use_style"] = model.CreditsPerCharacter >= 1.0,
        ["can_use_speaker_boost"] = true,
        ["serves_pro_voices"] = false,
        ["token_cost_factor"] = 1.0,
        ["requires_alpha_access"] = false,
        ["max_characters_request_free_user"] = model.MaxCharactersPerRequest,
        ["max_characters_request_subscribed_user"] = model.MaxCharactersPerRequest,
        ["maximum_text_length_per_request"] = model.MaxCharactersPerRequest,
        ["languages"] = new JsonArray([.. model.Languages.Select(code => new JsonObject { ["language_id"] = code, ["name"] = LanguageNames.For(code) })]),
        ["model_rates"] = new JsonObject { ["character_cost_multiplier"] = model.CreditsPerCharacter, ["cost_discount_multiplier"] = 1.0 },
        ["concurrency_group"] = model.CreditsPerCharacter < 1.0 ? "turbo" : "standard",
    };

    private JsonObject Subscription() => new()
    {
        ["tier"] = "speechgate",
        ["character_count"] = 0,
        ["character_limit"] = int.MaxValue,
        ["max_character_limit_extension"] = 0,
        ["max_credit_limit_extension"] = 0,
        ["can_extend_character_limit"] = false,
        ["allowed_to_extend_character_limit"] = false,
        ["next_character_count_reset_unix"] = time.GetUtcNow().AddMonths(1).ToUnixTimeSeconds(),
        ["voice_slots_used"] = 0,
        ["professional_voice_slots_used"] = 0,
        ["professional_voice_slots_used_in_workspace"] = 0,
        ["voice_limit"] = 0,
        ["voice_add_edit_counter"] = 0,
        ["professional_voice_limit"] = 0,
        ["can_extend_voice_limit"] = false,
        ["can_use_instant_voice_cloning"] = false,
        ["can_use_professional_voice_cloning"] = false,
        ["currency"] = "usd",
        ["current_overage"] = new JsonObject { ["amount"] = "0", ["currency"] = "usd" },
        ["status"] = "active",
        ["billing_period"] = "monthly_period",
        ["character_refresh_period"] = "monthly_period",
        ["next_invoice"] = null,
        ["open_invoices"] = new JsonArray(),
        ["has_open_invoices"] = false,
        ["pending_change"] = null,
    };
}
