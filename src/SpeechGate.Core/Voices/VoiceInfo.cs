using SpeechGate.Synthesis;

namespace SpeechGate.Voices;

/// <summary>A voice a provider can speak with, in ElevenLabs' terms.</summary>
/// <param name="VoiceId">The id to send in requests.</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">premade, cloned, generated, professional, famous or high_quality.</param>
/// <param name="Provider">The provider that owns it (<c>local</c>, <c>elevenlabs</c>).</param>
public sealed record VoiceInfo(string VoiceId, string Name, string Category, string Provider)
{
    /// <summary>Labels such as language, gender, accent, age, use_case.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>For a shared library voice: the publisher's public user id.</summary>
    public string? PublicOwnerId { get; init; }

    /// <summary>Sharing status (enabled, disabled, copied, copied_disabled), if shared.</summary>
    public string? SharingStatus { get; init; }

    /// <summary>The voice's stored settings, when the provider keeps any; null means the API defaults.</summary>
    public VoiceSettings? Settings { get; init; }
}
