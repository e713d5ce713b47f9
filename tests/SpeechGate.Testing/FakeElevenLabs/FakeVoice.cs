namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>A voice in the fake account's My Voices.</summary>
/// <param name="VoiceId">Its id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">premade, cloned, generated, professional…</param>
public sealed record FakeVoice(string VoiceId, string Name, string Category)
{
    /// <summary>Labels (accent, gender, age, language, use_case).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>For a voice added from the library: the publisher.</summary>
    public string? PublicOwnerId { get; init; }

    /// <summary>For a voice added from the library: the library voice id.</summary>
    public string? OriginalVoiceId { get; init; }

    /// <summary>For a cloned voice: the SHA-256 of each uploaded sample, in order.</summary>
    public IReadOnlyList<string> SampleSha256 { get; init; } = [];

    /// <summary>For a cloned voice: whether <c>remove_background_noise</c> was asked for.</summary>
    public bool BackgroundNoiseRemoved { get; init; }

    /// <summary>Creation time, Unix seconds.</summary>
    public long CreatedAtUnix { get; init; } = 1_700_000_000;
}
