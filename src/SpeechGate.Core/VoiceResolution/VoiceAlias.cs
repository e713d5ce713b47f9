using SpeechGate.Synthesis;

namespace SpeechGate.VoiceResolution;

/// <summary>A name in <c>voices.yaml</c> that stands for a provider voice, with defaults and fallbacks.</summary>
/// <param name="Name">The alias requests use in place of a voice id.</param>
/// <param name="VoiceId">The provider voice id the alias names (before pinning).</param>
public sealed record VoiceAlias(string Name, string VoiceId)
{
    /// <summary>Provider that speaks this voice; null means the request's or the configured default.</summary>
    public string? Provider { get; init; }

    /// <summary>Model used when the request names none.</summary>
    public string? ModelId { get; init; }

    /// <summary>Voice settings used for fields the request leaves unset.</summary>
    public VoiceSettings? Settings { get; init; }

    /// <summary>Tried in order when the voice is gone: aliases, voice ids, or <c>local:VOICE</c>.</summary>
    public IReadOnlyList<string> Fallbacks { get; init; } = [];

    /// <summary>The local voice that stands in for this one in dev mode.</summary>
    public string? DevVoiceId { get; init; }

    /// <summary>The 1-based line of the alias in its file, for error messages.</summary>
    public int Line { get; init; }
}
