namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>A voice's <c>sharing</c> object.</summary>
/// <param name="Status">enabled, disabled, copied or copied_disabled.</param>
/// <param name="PublicOwnerId">The publisher's public user id.</param>
/// <param name="OriginalVoiceId">The library voice this one was copied from.</param>
/// <param name="FreeUsersAllowed">Whether free plans may use it.</param>
/// <param name="Rate">Cost multiplier set by the publisher.</param>
public sealed record ElevenLabsVoiceSharing(
    string? Status = null,
    string? PublicOwnerId = null,
    string? OriginalVoiceId = null,
    bool? FreeUsersAllowed = null,
    double? Rate = null);
