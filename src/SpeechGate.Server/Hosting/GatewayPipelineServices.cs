using SpeechGate.Budgeting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeechGate.Caching;
using SpeechGate.Metering;
using SpeechGate.Storage;
using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Providers.Local;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.Hosting;

/// <summary>
/// The gateway's speech pipeline: the same stages, in the same order, as the CLI's (<c>CliServices</c>), with every
/// state path under the gateway's data directory unless configuration names one.
/// </summary>
internal static class GatewayPipelineServices
{
    // The key AddBudgeting registers its SQLite database under (nameof(AddBudgeting) in Core).
    private const string BudgetingDatabaseKey = "AddBudgeting";

    public static IServiceCollection AddGatewayPipeline(this IServiceCollection services, IConfiguration configuration, GatewayHostOptions options)
    {
        var dataDirectory = options.DataDirectory;
        services.AddOptions<BudgetOptions>().Bind(configuration.GetSection(BudgetOptions.SectionName));
        services.AddVoiceResolution(voices =>
        {
            configuration.GetSection(VoiceResolutionOptions.SectionName).Bind(voices);
            voices.Mode ??= configuration["Mode"];
            voices.DevDefaultVoiceId ??= LocalVoices.DefaultVoiceId;
            voices.RecentVoicesFile ??= Path.Combine(dataDirectory, "voices-recent.json");
        });
        if (ElevenLabsConfigured(configuration))
        {
            services.AddElevenLabsVoiceUpstream();
            services.AddElevenLabsBudgeting();
        }

        // Registered before AddBudgeting, whose TryAdd then keeps it: hits leave the request path without a SQLite write.
        services.TryAddSingleton<IUsageLedger>(sp => new WriteBehindUsageLedger(
            new SqliteUsageLedger(sp.GetRequiredKeyedService<SqliteDatabase>(BudgetingDatabaseKey)), sp.GetRequiredService<ILogger<WriteBehindUsageLedger>>()));
        services.AddBudgeting(Path.Combine(dataDirectory, "speechgate.db"));
        services.AddSpeechCache();
        services.PostConfigure<SpeechCacheOptions>(cache =>
        {
            if (string.IsNullOrWhiteSpace(configuration[$"{SpeechCacheOptions.SectionName}:{nameof(SpeechCacheOptions.Directory)}"]))
            {
                cache.Directory = Path.Combine(dataDirectory, "cache");
            }
        });
        services.AddSingleton(sp => new SpendEstimator(sp.GetRequiredService<CreditEstimator>(), sp.GetRequiredService<IBudgetStore>(),
            sp.GetService<ICacheProbe>(), sp.GetService<UpstreamQuota>()));

        services.AddHostedService<VoiceHealthService>();

        // Request order as the CLI: voice resolution → tenant → metering → cache → budget → provider router.
        services.AddSpeechPipeline()
            .UseVoiceResolution()
            .UseProviderTenant()
            .UseMetering()
            .UseCache()
            .UseBudget();
        return services;
    }

    /// <summary>Loads voices.yaml and voices.lock now, so a bad file stops startup with one line instead of failing requests.</summary>
    /// <exception cref="InvalidOperationException">The voice configuration cannot be read.</exception>
    public static void ValidateVoiceConfiguration(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<VoiceConfigurationStore>().Current;
        }
        catch (VoiceConfigurationException error)
        {
            throw new InvalidOperationException($"Invalid voice configuration: {error.Message}", error);
        }
    }

    // Without a key the ElevenLabs provider could only fail; its budgeting and voice upstream would too.
    private static bool ElevenLabsConfigured(IConfiguration configuration)
        => !string.IsNullOrWhiteSpace(configuration[$"{ElevenLabsOptions.SectionName}:ApiKey"]
            ?? configuration[ElevenLabsOptions.ApiKeyVariable]
            ?? Environment.GetEnvironmentVariable(ElevenLabsOptions.ApiKeyVariable));
}
