namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary><c>GET /v1/user/subscription</c>: the plan and how much of its quota is used.</summary>
/// <param name="Tier">free, starter, creator, pro, scale, business…</param>
/// <param name="CharacterCount">Credits used this period.</param>
/// <param name="CharacterLimit">Credits in the period.</param>
/// <param name="NextCharacterCountResetUnix">When the counter resets, Unix seconds.</param>
/// <param name="VoiceSlotsUsed">Voices in use.</param>
/// <param name="VoiceLimit">Voices allowed.</param>
/// <param name="CanUseInstantVoiceCloning">Whether IVC is allowed.</param>
/// <param name="Status">trialing, active, past_due, free…</param>
/// <param name="Currency">Billing currency.</param>
/// <param name="BillingPeriod">monthly_period, annual_period…</param>
public sealed record ElevenLabsSubscription(
    string Tier,
    long CharacterCount,
    long CharacterLimit,
    long? NextCharacterCountResetUnix = null,
    int? VoiceSlotsUsed = null,
    int? VoiceLimit = null,
    bool? CanUseInstantVoiceCloning = null,
    string? Status = null,
    string? Currency = null,
    string? BillingPeriod = null)
{
    /// <summary>Credits left this period.</summary>
    public long CharactersRemaining => Math.Max(0, CharacterLimit - CharacterCount);
}
