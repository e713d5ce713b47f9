namespace SpeechGate.VoiceResolution;

/// <summary>The aliases and dev-mode mapping read from <c>voices.yaml</c>.</summary>
public sealed class VoiceCatalog
{
    /// <summary>A catalog with no aliases (no <c>voices.yaml</c>).</summary>
    public static VoiceCatalog Empty { get; } = new(null, new Dictionary<string, VoiceAlias>(), new Dictionary<string, string>(), null);

    /// <summary>Creates a catalog.</summary>
    public VoiceCatalog(string? path, IReadOnlyDictionary<string, VoiceAlias> aliases, IReadOnlyDictionary<string, string> devVoices, string? devDefaultVoiceId)
    {
        Path = path;
        Aliases = aliases;
        DevVoices = devVoices;
        DevDefaultVoiceId = devDefaultVoiceId;
    }

    /// <summary>The file it was read from, if any.</summary>
    public string? Path { get; }

    /// <summary>Aliases by name.</summary>
    public IReadOnlyDictionary<string, VoiceAlias> Aliases { get; }

    /// <summary>Dev mode: production voice id → local voice id.</summary>
    public IReadOnlyDictionary<string, string> DevVoices { get; }

    /// <summary>Dev mode: the local voice for anything not mapped.</summary>
    public string? DevDefaultVoiceId { get; }

    /// <summary>The alias with this name, or null.</summary>
    public VoiceAlias? Find(string name) => Aliases.GetValueOrDefault(name);
}
