namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary><c>GET /v1/user</c>.</summary>
/// <param name="UserId">The account's user id.</param>
/// <param name="Subscription">The plan and its counters.</param>
/// <param name="FirstName">First name, if set.</param>
/// <param name="XiApiKeyPreview">A masked preview of the key.</param>
/// <param name="CreatedAt">Creation time, Unix seconds.</param>
/// <param name="SeatType">workspace_admin, workspace_member or workspace_lite_member.</param>
/// <param name="IsNewUser">Deprecated flag.</param>
/// <param name="IsOnboardingCompleted">Whether onboarding is done.</param>
public sealed record ElevenLabsUser(
    string UserId,
    ElevenLabsSubscription? Subscription = null,
    string? FirstName = null,
    string? XiApiKeyPreview = null,
    long? CreatedAt = null,
    string? SeatType = null,
    bool? IsNewUser = null,
    bool? IsOnboardingCompleted = null);
