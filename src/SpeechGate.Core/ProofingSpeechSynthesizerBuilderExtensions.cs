using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpeechGate.Budgeting;
using SpeechGate.Proofing;
using SpeechGate.Proofing.Lexicons;
using SpeechGate.Synthesis;

namespace SpeechGate;

/// <summary>Adds the proofing stage to a pipeline.</summary>
public static class ProofingSpeechSynthesizerBuilderExtensions
{
    /// <summary>
    /// Adds the proofing stage (configuration section <c>Proofing</c>, <see cref="ProofingOptions"/>). Place it first, so
    /// every later stage (voices, cache key, metering, budget) sees the proofed text.
    /// </summary>
    public static SpeechSynthesizerBuilder UseProofing(this SpeechSynthesizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) => new ProofingSpeechSynthesizer(
            inner,
            services.GetService<IOptionsMonitor<ProofingOptions>>() ?? new StaticOptionsMonitor(new ProofingOptions()),
            services.GetService<CreditEstimator>()));
    }

    /// <summary>
    /// Adds the lexicon stage: the project's PLS lexicon (<c>Proofing:Lexicon</c>, <c>Proofing:Projects:&lt;p&gt;:Lexicon</c>)
    /// as alias text for the local engine, or as an uploaded pronunciation dictionary where a provider publishes one.
    /// Place it after voice resolution (it needs the provider) and before the cache.
    /// </summary>
    public static SpeechSynthesizerBuilder UseLexicons(this SpeechSynthesizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) => new LexiconSpeechSynthesizer(
            inner,
            services.GetService<IOptionsMonitor<ProofingOptions>>() ?? new StaticOptionsMonitor(new ProofingOptions()),
            services.GetService<LexiconStore>() ?? new LexiconStore(),
            services.GetRequiredService<CreditEstimator>(),
            services.GetServices<ILexiconPublisher>()));
    }

    private sealed class StaticOptionsMonitor(ProofingOptions value) : IOptionsMonitor<ProofingOptions>
    {
        public ProofingOptions CurrentValue => value;

        public ProofingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ProofingOptions, string?> listener) => null;
    }
}
