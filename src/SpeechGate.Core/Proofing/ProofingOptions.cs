namespace SpeechGate.Proofing;

/// <summary>Configuration section <c>Proofing</c>: the stage's mode, overridable per project and per gateway key.</summary>
public sealed class ProofingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Proofing";

    /// <summary>The mode for requests no override names; <see cref="ProofingMode.Normalize"/> by default.</summary>
    public ProofingMode Mode { get; set; } = ProofingMode.Normalize;

    /// <summary>A W3C PLS lexicon file applied to every request (<c>Proofing:Lexicon</c>); null for none.</summary>
    public string? Lexicon { get; set; }

    /// <summary>Per project (<c>Proofing:Projects:&lt;project&gt;:Mode</c>, <c>…:Lexicon</c>).</summary>
    public Dictionary<string, ProofingOverride> Projects { get; } = new(StringComparer.Ordinal);

    /// <summary>Per gateway key id (<c>Proofing:Keys:&lt;key id&gt;:Mode</c>); a key's mode wins over its project's.</summary>
    public Dictionary<string, ProofingOverride> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>The mode for a request of <paramref name="project"/> paid by <paramref name="accountId"/>.</summary>
    public ProofingMode ModeFor(string? project, string? accountId)
        => accountId is not null && Keys.TryGetValue(accountId, out var key) && key.Mode is { } keyMode ? keyMode
            : project is not null && Projects.TryGetValue(project, out var scoped) && scoped.Mode is { } projectMode ? projectMode
            : Mode;

    /// <summary>The lexicon file for a request of <paramref name="project"/>: the project's own, else the default.</summary>
    public string? LexiconFor(string? project)
        => project is not null && Projects.TryGetValue(project, out var scoped) && scoped.Lexicon is { } lexicon ? lexicon : Lexicon;
}
