using Microsoft.Extensions.Options;
using SpeechGate.Budgeting;
using SpeechGate.Synthesis;

namespace SpeechGate.Proofing.Lexicons;

/// <summary>
/// Applies the project's PLS lexicon: as alias text for providers that take none (the local engine), or as an uploaded,
/// versioned pronunciation dictionary (ElevenLabs). Lines no lexeme touches pass unchanged, and a line's cache key
/// carries the version of only the lexemes it contains, so editing one lexeme re-renders only the lines that use it.
/// </summary>
internal sealed class LexiconSpeechSynthesizer(
    ISpeechSynthesizer inner,
    IOptionsMonitor<ProofingOptions> options,
    LexiconStore store,
    CreditEstimator estimator,
    IEnumerable<ILexiconPublisher> publishers)
    : DelegatingSpeechSynthesizer(inner)
{
    private const int MaximumLocators = 3;
    private readonly ILexiconPublisher[] _publishers = [.. publishers];

    public override async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = options.CurrentValue.LexiconFor(request.Project);
        if (path is null)
        {
            return await base.SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return (await SynthesizeWithLexiconAsync(request, path, cancellationToken).ConfigureAwait(false)).WithProperty(LexiconAnswers.DependentProperty, true);
    }

    private async Task<SpeechAudio> SynthesizeWithLexiconAsync(SpeechRequest request, string path, CancellationToken cancellationToken)
    {
        var lexicon = store.Get(path);
        var matches = lexicon.MatchesIn(request.Text);
        if (matches.Count == 0)
        {
            return await base.SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var provider = estimator.ProviderOf(request);
        var publisher = Array.Find(_publishers, p => string.Equals(p.Provider, provider, StringComparison.OrdinalIgnoreCase));
        if (publisher is null || request.PronunciationDictionaryLocators.Count >= MaximumLocators)
        {
            request = request with { Text = lexicon.ApplyAliases(request.Text) };
        }
        else
        {
            var locator = await publisher.PublishAsync(lexicon, cancellationToken).ConfigureAwait(false);
            request = request with
            {
                PronunciationDictionaryLocators = [locator with { KeyVersion = PronunciationLexicon.VersionOf(matches) }, .. request.PronunciationDictionaryLocators],
            };
        }

        return await base.SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
