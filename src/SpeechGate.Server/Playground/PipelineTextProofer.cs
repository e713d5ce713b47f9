using SpeechGate.Budgeting;
using SpeechGate.Models;
using SpeechGate.Proofing;
using SpeechGate.Proofing.Spelling;

namespace SpeechGate.Server.Playground;

/// <summary>
/// The playground's proofer: the same checks as <c>speechgate proof</c> (<see cref="TextProofer"/>), priced at the
/// model's published rate, with the en-US hunspell dictionary when it is installed (spelling is skipped otherwise).
/// </summary>
internal sealed class PipelineTextProofer(CreditEstimator estimator) : ITextProofer, IDisposable
{
    private readonly Lazy<SpellChecker?> _spelling = new(() => SpellChecker.ForLanguage("en-US"));

    public Task<ProofingReport> ProofAsync(string text, string? modelId, CancellationToken cancellationToken = default)
    {
        var model = KnownModels.Find(modelId) ?? KnownModels.Default;
        var settings = new ProofSettings
        {
            ModelId = model.ModelId,
            CharacterLimit = model.MaxCharactersPerRequest,
            CreditsPerCharacter = estimator.MultiplierOf(model.ModelId),
            ModelLanguages = model.Languages,
            Spelling = _spelling.Value,
        };
        var findings = TextProofer.Proof(text, settings)
            .Select(f => new ProofingFinding(f.Code, f.Severity.ToString().ToLowerInvariant(), f.Suggestion is { } s ? $"{f.Message} ({s})" : f.Message, f.Offset, f.Length))
            .ToList();
        return Task.FromResult(new ProofingReport(true, findings));
    }

    public void Dispose()
    {
        if (_spelling.IsValueCreated)
        {
            _spelling.Value?.Dispose();
        }
    }
}
