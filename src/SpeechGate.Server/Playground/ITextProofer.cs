namespace SpeechGate.Server.Playground;

/// <summary>
/// The playground's seam to proofing (issue 13): findings on a text before anyone pays for it. Until a proofer is
/// registered, <see cref="UnavailableTextProofer"/> says so rather than inventing findings.
/// </summary>
public interface ITextProofer
{
    /// <summary>Proofs <paramref name="text"/> as it would be sent with <paramref name="modelId"/>.</summary>
    Task<ProofingReport> ProofAsync(string text, string? modelId, CancellationToken cancellationToken = default);
}
