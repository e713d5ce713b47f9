using SpeechGate.Synthesis;

namespace SpeechGate.VoiceResolution;

/// <summary>What the upstream says about a voice, as far as pinning and health checks care.</summary>
/// <param name="VoiceId">The voice id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">premade, cloned, generated, professional, famous or high_quality.</param>
public sealed record UpstreamVoice(string VoiceId, string Name, string Category)
{
    /// <summary>Whether the voice is in the account's own voices (My Voices); false for a shared library voice not added.</summary>
    public bool InMyVoices { get; init; } = true;

    /// <summary>The library publisher's public user id (<c>sharing.public_owner_id</c>), if shared.</summary>
    public string? PublicOwnerId { get; init; }

    /// <summary><c>sharing.status</c>: enabled, disabled, copied, copied_disabled; null when not shared.</summary>
    public string? SharingStatus { get; init; }

    /// <summary>The voice's stored settings, when known.</summary>
    public VoiceSettings? Settings { get; init; }

    /// <summary>Whether this is a library voice that must be added to My Voices to get a stable id.</summary>
    public bool IsLibraryVoice => !InMyVoices && PublicOwnerId is not null;

    /// <summary>Whether the publisher stopped sharing it.</summary>
    public bool IsUnshared => SharingStatus is "disabled" or "copied_disabled";
}
