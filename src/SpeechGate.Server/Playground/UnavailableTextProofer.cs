namespace SpeechGate.Server.Playground;

/// <summary>The default <see cref="ITextProofer"/>: no proofer is installed, so there are no findings to show.</summary>
internal sealed class UnavailableTextProofer : ITextProofer
{
    public Task<ProofingReport> ProofAsync(string text, string? modelId, CancellationToken cancellationToken = default)
        => Task.FromResult(ProofingReport.Unavailable);
}
