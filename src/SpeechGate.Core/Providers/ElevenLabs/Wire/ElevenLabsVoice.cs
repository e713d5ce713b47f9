using SpeechGate.Synthesis;

namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>A voice of the account (<c>GET /v1/voices/{id}</c>); unknown fields are ignored.</summary>
/// <param name="VoiceId">The id to send in requests.</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">generated, cloned, premade, professional, famous or high_quality.</param>
/// <param name="Labels">accent, gender, age, language, use_case…</param>
/// <param name="Description">Free text.</param>
/// <param name="PreviewUrl">A sample of the voice.</param>
/// <param name="Settings">The stored voice settings.</param>
/// <param name="Sharing">Library sharing details, for shared or copied voices.</param>
/// <param name="AvailableForTiers">Plans that may use it.</param>
/// <param name="HighQualityBaseModelIds">Models it sounds best on.</param>
/// <param name="IsOwner">Whether the account owns it.</param>
/// <param name="CreatedAtUnix">Creation time, Unix seconds.</param>
public sealed record ElevenLabsVoice(
    string VoiceId,
    string Name,
    string? Category = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    string? Description = null,
    string? PreviewUrl = null,
    VoiceSettings? Settings = null,
    ElevenLabsVoiceSharing? Sharing = null,
    IReadOnlyList<string>? AvailableForTiers = null,
    IReadOnlyList<string>? HighQualityBaseModelIds = null,
    bool? IsOwner = null,
    long? CreatedAtUnix = null);
