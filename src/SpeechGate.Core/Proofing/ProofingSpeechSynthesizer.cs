using Microsoft.Extensions.Options;
using SpeechGate.Budgeting;
using SpeechGate.Models;
using SpeechGate.Synthesis;

namespace SpeechGate.Proofing;

/// <summary>
/// The first stage: removes billed noise from the text so the cache keys the proofed text (<c>normalize</c>), and in
/// <c>strict</c> mode refuses a text with errors before any stage can spend.
/// </summary>
/// <remarks>
/// Requests with timestamps pass untouched: their alignment must index the caller's own characters (stream-input
/// always asks for them).
/// </remarks>
internal sealed class ProofingSpeechSynthesizer(ISpeechSynthesizer inner, IOptionsMonitor<ProofingOptions> options, CreditEstimator? estimator)
    : DelegatingSpeechSynthesizer(inner)
{
    public override Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mode = options.CurrentValue.ModeFor(request.Project, request.AccountId);
        if (mode == ProofingMode.Off || request.WithTimestamps)
        {
            return base.SynthesizeAsync(request, cancellationToken);
        }

        var text = TextProofer.Normalize(request.Text);
        if (mode == ProofingMode.Strict)
        {
            Refuse(text, request.ModelId);
        }

        if (text.Length == 0)
        {
            return base.SynthesizeAsync(request, cancellationToken); // nothing left: let validation speak about the original
        }

        var previous = request.PreviousText is null ? null : TextProofer.Normalize(request.PreviousText);
        var next = request.NextText is null ? null : TextProofer.Normalize(request.NextText);
        if (!ReferenceEquals(text, request.Text) || !ReferenceEquals(previous, request.PreviousText) || !ReferenceEquals(next, request.NextText))
        {
            request = request with { Text = text, PreviousText = previous, NextText = next };
        }

        return base.SynthesizeAsync(request, cancellationToken);
    }

    private void Refuse(string text, string? modelId)
    {
        var model = KnownModels.Find(modelId);
        var settings = new ProofSettings
        {
            ModelId = modelId ?? KnownModels.Default.ModelId,
            CharacterLimit = model?.MaxCharactersPerRequest ?? KnownModels.All.Max(m => m.MaxCharactersPerRequest),
            CreditsPerCharacter = estimator?.MultiplierOf(modelId) ?? model?.CreditsPerCharacter ?? 1.0,
            SpokenForms = false,
        };
        var errors = TextProofer.Proof(text, settings).Where(finding => finding.Severity == ProofSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new ProofingException(errors);
        }
    }
}
