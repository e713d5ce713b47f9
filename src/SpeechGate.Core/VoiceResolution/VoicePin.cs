using SpeechGate.Synthesis;

namespace SpeechGate.VoiceResolution;

/// <summary>One entry of <c>voices.lock</c>: the stable id an alias or voice id is pinned to.</summary>
/// <param name="VoiceId">The stable id sent upstream (for a shared voice: the copy in My Voices).</param>
/// <param name="OriginalVoiceId">The id that was pinned (for a shared voice: the library id).</param>
/// <param name="Category">premade, cloned, generated, professional…, as seen when pinned or last checked.</param>
public sealed record VoicePin(string VoiceId, string OriginalVoiceId, string Category)
{
    /// <summary>Provider of the voice; null means the default.</summary>
    public string? Provider { get; init; }

    /// <summary>Display name.</summary>
    public string? Name { get; init; }

    /// <summary>The library publisher's public user id, for a voice added from the shared library.</summary>
    public string? Owner { get; init; }

    /// <summary>The voice's stored settings when pinned.</summary>
    public VoiceSettings? Settings { get; init; }

    /// <summary>When the pin was made or last verified.</summary>
    public DateTimeOffset CheckedAt { get; init; }

    /// <summary>For a cloned voice: the samples it was made from (hashes, sizes, durations), to recreate it elsewhere.</summary>
    public IReadOnlyList<VoiceSampleRecord> Samples { get; init; } = [];

    /// <summary>The 1-based line in the lockfile, 0 for a pin made in memory.</summary>
    public int Line { get; init; }
}
