namespace SpeechGate.Proofing;

/// <summary>A project's or key's own proofing settings.</summary>
public sealed class ProofingOverride
{
    /// <summary>The mode; null keeps the default.</summary>
    public ProofingMode? Mode { get; set; }

    /// <summary>The project's PLS lexicon file; null keeps the default.</summary>
    public string? Lexicon { get; set; }
}
