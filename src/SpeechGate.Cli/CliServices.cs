using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Hosting;
using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Providers.Local;
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
            throw new InvalidSpeechRequestException("invalid_configuration", $"Cannot read configuration: {error.Message}", innerException: error);
        }
    }

    public static ServiceProvider Build(IConfiguration configuration, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddLocalSpeechProvider();
        if (ElevenLabsOptions.IsConfigured(configuration))
        {
            services.AddElevenLabsSpeechProvider();
        }

        services.AddSpeechGate(configuration, SpeechGatePaths.DataDirectory, LocalVoices.DefaultVoiceId);
        services.AddS3Delivery();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
