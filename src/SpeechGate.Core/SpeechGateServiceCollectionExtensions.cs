using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeechGate;
using SpeechGate.Budgeting;
using SpeechGate.Caching;
using SpeechGate.Proofing;
using SpeechGate.Proofing.Lexicons;
using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The composition every host shares (CLI, gateway, library): the stages, their state and their order.</summary>
public static class SpeechGateServiceCollectionExtensions
{
    /// <summary>
    /// Registers proofing, voice resolution, budgets, the ledger, the cache, estimates and the voiceover renderer with
    /// their state under <paramref name="dataDirectory"/>, and the pipeline in request order: proofing → request
    /// resolution (voice, provider, tenant) → lexicons → metering → cache → budget → provider router. Providers are
    /// registered by the host.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">Sections <c>Providers</c>, <c>Proofing</c>, <c>Budget</c>, <c>Voices</c>, <c>Cache</c>, <c>Mode</c>.</param>
    /// <param name="dataDirectory">Where the databases, the cache and the recent-voices record live.</param>
    /// <param name="devDefaultVoiceId">The local voice dev mode falls back to.</param>
    public static SpeechSynthesizerBuilder AddSpeechGate(this IServiceCollection services, IConfiguration configuration, string dataDirectory, string devDefaultVoiceId)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SpeechProviderOptions>().Bind(configuration.GetSection(SpeechProviderOptions.SectionName));
        services.AddOptions<BudgetOptions>().Bind(configuration.GetSection(BudgetOptions.SectionName));
        services.AddOptions<ProofingOptions>().Bind(configuration.GetSection(ProofingOptions.SectionName));
        services.TryAddSingleton<LexiconStore>();
        services.TryAddSingleton(new LexiconPublications(Path.Combine(dataDirectory, "lexicons.json")));
        services.AddVoiceResolution(voices =>
        {
            configuration.GetSection(VoiceResolutionOptions.SectionName).Bind(voices);
            voices.Mode ??= configuration["Mode"];
            voices.DevDefaultVoiceId ??= devDefaultVoiceId;
            voices.RecentVoicesFile ??= Path.Combine(dataDirectory, "voices-recent.json");
            voices.NoticesFile ??= Path.Combine(dataDirectory, "voice-notices.json");
        });
        if (ElevenLabsOptions.IsConfigured(configuration))
        {
            services.AddElevenLabsVoiceUpstream();
            services.AddElevenLabsBudgeting();
        }

        services.AddBudgeting(Path.Combine(dataDirectory, "speechgate.db"));
        services.AddSpeechCache();
        var defaultCacheDirectory = new SpeechCacheOptions().Directory;
        services.PostConfigure<SpeechCacheOptions>(cache =>
        {
            // Only a directory nobody chose moves under this host's data directory.
            if (cache.Directory == defaultCacheDirectory)
            {
                cache.Directory = Path.Combine(dataDirectory, "cache");
            }
        });
        services.TryAddSingleton(sp => new SpendEstimator(
            sp.GetRequiredService<CreditEstimator>(), sp.GetRequiredService<IBudgetStore>(), sp.GetService<ICacheProbe>(), sp.GetService<UpstreamQuota>(),
            sp.GetRequiredService<SpeechRequestResolver>()));
        services.AddVoiceoverRendering();
        services.TryAddSingleton(sp => new DefaultVoice(sp.GetRequiredService<Options.IOptions<SpeechProviderOptions>>(), devDefaultVoiceId));
        services.AddSpeechGateJobs(configuration, dataDirectory);

        // Proofing first, so every later stage (and the cache key) sees the proofed text; request resolution next (voice,
        // provider, tenant: SpeechRequestResolver), so every stage sees the effective request, the cache keys on the
        // stable id and the lexicon stage knows the provider; metering outside the cache, so hits are ledgered; the
        // budget inside it, so only real provider calls are reserved and counted.
        return services.AddSpeechPipeline()
            .UseProofing()
            .UseVoiceResolution()
            .UseLexicons()
            .UseMetering()
            .UseCache()
            .UseBudget();
    }
}
