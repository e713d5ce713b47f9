using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        services.AddVoiceResolution(options => VoiceResolutionConfiguration.Bind(configuration, options));

        // Voice resolution runs before the cache (when added), so the cache keys on the resolved, stable voice id.
        services.AddSpeechPipeline()
            .UseVoiceResolution();
        services.AddOptions<SpeechProviderOptions>().Bind(configuration.GetSection(SpeechProviderOptions.SectionName));
        services.AddLocalSpeechProvider();
        if (ElevenLabsConfigured(configuration))
        {
            services.AddElevenLabsSpeechProvider();
            services.AddElevenLabsVoiceUpstream();
        }

        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    // Without a key the ElevenLabs provider could only fail: leave it out, so `voices` lists what works.
    private static bool ElevenLabsConfigured(IConfiguration configuration)
        => !string.IsNullOrWhiteSpace(configuration[$"{ElevenLabsOptions.SectionName}:ApiKey"]
            ?? configuration[ElevenLabsOptions.ApiKeyVariable]
            ?? Environment.GetEnvironmentVariable(ElevenLabsOptions.ApiKeyVariable));
}
