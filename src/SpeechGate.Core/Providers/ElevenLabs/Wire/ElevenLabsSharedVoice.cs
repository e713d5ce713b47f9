using System.Text.Json.Serialization;

namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>A voice of the public library (<c>GET /v1/shared-voices</c>).</summary>
/// <param name="PublicOwnerId">The publisher's public user id (first part of the add path).</param>
/// <param name="VoiceId">The library id; it dies if the publisher removes the voice, so add it to My Voices.</param>
/// <param name="Name">Display name.</param>
/// <param name="DateUnix">Publication time, Unix seconds.</param>
/// <param name="Accent">Accent label.</param>
/// <param name="Gender">Gender label.</param>
/// <param name="Age">Age label.</param>
/// <param name="Descriptive">Descriptive label.</param>
/// <param name="UseCase">Use-case label.</param>
/// <param name="Category">Voice category.</param>
/// <param name="Language">Language code.</param>
/// <param name="Description">Free text.</param>
/// <param name="PreviewUrl">A sample of the voice.</param>
/// <param name="Rate">Cost multiplier set by the publisher.</param>
/// <param name="FreeUsersAllowed">Whether free plans may use it.</param>
/// <param name="Featured">Whether ElevenLabs features it.</param>
/// <param name="ClonedByCount">How many accounts added it.</param>
/// <param name="UsageCharacterCount1y">Characters spoken with it over a year.</param>
/// <param name="IsAddedByUser">Whether this account already added it.</param>
public sealed record ElevenLabsSharedVoice(
    string PublicOwnerId,
    string VoiceId,
    string Name,
    long DateUnix = 0,
    string? Accent = null,
    string? Gender = null,
    string? Age = null,
    string? Descriptive = null,
    string? UseCase = null,
    string? Category = null,
    string? Language = null,
    string? Description = null,
    string? PreviewUrl = null,
    double? Rate = null,
    bool FreeUsersAllowed = false,
    bool Featured = false,
    long ClonedByCount = 0,
    [property: JsonPropertyName("usage_character_count_1y")] long UsageCharacterCount1y = 0,
    bool? IsAddedByUser = null);
