namespace SpeechGate.Server.Playground;

/// <summary>
/// The playground's seam to proofing: findings on a text before anyone pays for it. The gateway registers
/// <see cref="PipelineTextProofer"/> (the checks of <c>speechgate proof</c>); a host may register its own.
/// </summary>
public interface ITextProofer
{
    /// <summary>Proofs <paramref name="text"/> as it would be sent with <paramref name="modelId"/>.</summary>
    Task<ProofingReport> ProofAsync(string text, string? modelId, CancellationToken cancellationToken = default);
}
