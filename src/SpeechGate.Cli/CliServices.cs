using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Budgeting;
using SpeechGate.Hosting;
using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Synthesis;

namespace SpeechGate.Cli;

/// <summary>Composes the CLI's services: configuration, the pipeline and the providers.</summary>
internal static class CliServices
{
    /// <summary>Configuration: <c>speechgate.json</c> in the data directory, then <c>./speechgate.json</c>, then <c>SPEECHGATE_*</c> variables.</summary>
    public static IConfiguration LoadConfiguration()
    {
        try
        {
            return new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(SpeechGatePaths.DataDirectory, "speechgate.json"), optional: true)
                .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "speechgate.json"), optional: true)
                .AddEnvironmentVariables("SPEECHGATE_")
                .Build();
        }
        catch (Exception error) when (error is InvalidDataException or FormatException or IOException)
        {
            throw new SpeechException(400, "invalid_configuration", $"Cannot read configuration: {error.Message}", error);
        }
    }

    public static ServiceProvider Build(IConfiguration configuration, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddOptions<SpeechProviderOptions>().Bind(configuration.GetSection(SpeechProviderOptions.SectionName));
        services.AddOptions<BudgetOptions>().Bind(configuration.GetSection(BudgetOptions.SectionName));
        services.AddVoiceResolution(options => VoiceResolutionConfiguration.Bind(configuration, options));
        services.AddLocalSpeechProvider();
        if (ElevenLabsConfigured(configuration))
        {
            services.AddElevenLabsSpeechProvider();
            services.AddElevenLabsVoiceUpstream();
            services.AddElevenLabsBudgeting();
        }

        services.AddBudgeting();
        services.AddSpeechCache();
        services.AddSingleton(sp => new SpendEstimator(sp.GetRequiredService<CreditEstimator>(), sp.GetRequiredService<IBudgetStore>(), sp.GetService<ICacheProbe>(), sp.GetService<UpstreamQuota>()));

        // Request order (docs/architecture.md): voice resolution (the cache keys on the stable id) → tenant (the
        // upstream account, part of the key) → metering (sees hits too) → cache → budget (only real provider calls)
        // → provider router.
        services.AddSpeechPipeline()
            .UseVoiceResolution()
            .UseProviderTenant()
            .UseMetering()
            .UseCache()
            .UseBudget();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    // Without a key the ElevenLabs provider could only fail: leave it out, so `voices` lists what works.
    private static bool ElevenLabsConfigured(IConfiguration configuration)
        => !string.IsNullOrWhiteSpace(configuration[$"{ElevenLabsOptions.SectionName}:ApiKey"]
            ?? configuration[ElevenLabsOptions.ApiKeyVariable]
            ?? Environment.GetEnvironmentVariable(ElevenLabsOptions.ApiKeyVariable));
}
