namespace SpeechGate.Server.Playground;

/// <summary>What proofing said about a text; <see cref="Available"/> is false when no proofer is installed.</summary>
/// <param name="Available">Whether a proofer looked at the text.</param>
/// <param name="Findings">Its findings.</param>
public sealed record ProofingReport(bool Available, IReadOnlyList<ProofingFinding> Findings)
{
    /// <summary>The answer without a proofer.</summary>
    public static ProofingReport Unavailable { get; } = new(false, []);
}
