using System.Text.Json.Nodes;
using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Providers.ElevenLabs.Wire;

namespace SpeechGate.Server.Catalog;

/// <summary>
/// The upstream account's models, user and subscription, laid over the local templates so every field the SDKs require
/// is present. The upstream key preview is never passed on: the caller sees its gateway key's preview.
/// </summary>
internal sealed class ElevenLabsAccountCatalog(IServiceProvider services, LocalAccountCatalog local) : IAccountCatalog
{
    private ElevenLabsClient Client => services.GetRequiredService<ElevenLabsClient>();

    public async Task<JsonArray> GetModelsAsync(CancellationToken cancellationToken)
    {
        var models = await Client.GetModelsAsync(cancellationToken);
        return new JsonArray([.. models.Select(Model)]);
    }

    public async Task<JsonObject> GetUserAsync(string? keyPreview, CancellationToken cancellationToken)
    {
        var user = await Client.GetUserAsync(cancellationToken);
        var json = await local.GetUserAsync(keyPreview, cancellationToken);
        json["user_id"] = user.UserId;
        json["first_name"] = user.FirstName;
        json["created_at"] = user.CreatedAt ?? 0;
        json["seat_type"] = user.SeatType ?? "workspace_admin";
        json["is_new_user"] = user.IsNewUser ?? false;
        json["is_onboarding_completed"] = user.IsOnboardingCompleted ?? true;
        if (user.Subscription is { } subscription)
        {
            json["subscription"] = await SubscriptionAsync(subscription, cancellationToken);
        }

        return json;
    }

    public async Task<JsonObject> GetSubscriptionAsync(CancellationToken cancellationToken)
        => await SubscriptionAsync(await Client.GetSubscriptionAsync(cancellationToken), cancellationToken);

    private async Task<JsonObject> SubscriptionAsync(ElevenLabsSubscription subscription, CancellationToken cancellationToken)
    {
        var json = await local.GetSubscriptionAsync(cancellationToken);
        json["tier"] = subscription.Tier;
        json["character_count"] = subscription.CharacterCount;
        json["character_limit"] = subscription.CharacterLimit;
        json["next_character_count_reset_unix"] = subscription.NextCharacterCountResetUnix;
        json["voice_slots_used"] = subscription.VoiceSlotsUsed ?? 0;
        json["voice_limit"] = subscription.VoiceLimit ?? 0;
        json["can_use_instant_voice_cloning"] = subscription.CanUseInstantVoiceCloning ?? false;
        json["status"] = subscription.Status ?? "active";
        json["currency"] = subscription.Currency ?? "usd";
        json["billing_period"] = subscription.BillingPeriod ?? "monthly_period";
        return json;
    }

    private static JsonObject Model(ElevenLabsModel model) => new()
    {
        ["model_id"] = model.ModelId,
        ["name"] = model.Name ?? model.ModelId,
        ["description"] = model.Description,
        ["can_be_finetuned"] = false,
        ["can_do_text_to_speech"] = model.CanDoTextToSpeech,
        ["can_do_voice_conversion"] = false,
        ["can_use_style"] = model.CanUseStyle,
        ["can_use_speaker_boost"] = model.CanUseSpeakerBoost,
        ["serves_pro_voices"] = false,
        ["token_cost_factor"] = model.TokenCostFactor ?? 1.0,
        ["requires_alpha_access"] = false,
        ["max_characters_request_free_user"] = model.MaxCharactersRequestFreeUser,
        ["max_characters_request_subscribed_user"] = model.MaxCharactersRequestSubscribedUser,
        ["maximum_text_length_per_request"] = model.MaximumTextLengthPerRequest,
        ["languages"] = new JsonArray([.. (model.Languages ?? []).Select(l => new JsonObject { ["language_id"] = l.LanguageId, ["name"] = l.Name })]),
        ["model_rates"] = new JsonObject
        {
            ["character_cost_multiplier"] = model.ModelRates?.CharacterCostMultiplier ?? 1.0,
            ["cost_discount_multiplier"] = 1.0,
        },
        ["concurrency_group"] = model.ConcurrencyGroup,
    };
}
