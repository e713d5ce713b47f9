using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeechGate.Metering;
using SpeechGate.Providers.Local;
using SpeechGate.Server.Observability;
using SpeechGate.Storage;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.Hosting;

/// <summary>
/// The gateway's speech pipeline: the same stages, in the same order, as the CLI's (<c>CliServices</c>), with every
/// state path under the gateway's data directory unless configuration names one.
/// </summary>
internal static class GatewayPipelineServices
{
    public static IServiceCollection AddGatewayPipeline(this IServiceCollection services, IConfiguration configuration, GatewayHostOptions options)
    {
        // Registered before AddSpeechGate, whose TryAdd then keeps it: hits leave the request path without a SQLite write.
        services.TryAddSingleton<IUsageLedger>(sp => new WriteBehindUsageLedger(
            new SqliteUsageLedger(sp.GetRequiredKeyedService<SqliteDatabase>(BudgetingServiceCollectionExtensions.DatabaseServiceKey)), sp.GetRequiredService<ILogger<WriteBehindUsageLedger>>()));
        // Innermost: only requests about to reach a provider take a provider-call token (hits and joiners never get here).
        services.AddSpeechGate(configuration, options.DataDirectory, LocalVoices.DefaultVoiceId)
            .Use((inner, sp) => new ProviderRateLimitingSpeechSynthesizer(inner, sp.GetRequiredService<GatewayRateLimits>()))
            .UseUpstreamTelemetry();
        services.AddGatewayObservability(configuration);
        services.AddHostedService<VoiceHealthService>();
        services.AddS3Delivery();
        services.AddHostedService<Jobs.JobsHostedService>();
        return services;
    }

    /// <summary>Reads the jobs (speechgate.json, jobs.yaml) now, so a bad job stops startup with one line.</summary>
    /// <exception cref="InvalidOperationException">A job is invalid.</exception>
    public static void ValidateJobConfiguration(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<SpeechGate.Jobs.JobCatalog>();
        }
        catch (SpeechGate.Synthesis.SpeechException error)
        {
            throw new InvalidOperationException($"Invalid job configuration: {error.Message}", error);
        }
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
}
