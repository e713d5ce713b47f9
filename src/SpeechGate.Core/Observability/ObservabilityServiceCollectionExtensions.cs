using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeechGate.Metering;
using SpeechGate.Observability;
using SpeechGate.Synthesis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SpeechGate's meter and the stage that times provider calls.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SpeechGateMetrics"/> (on the host's <see cref="IMeterFactory"/>, or one of its own) and an
    /// <see cref="ISpeechAnswerObserver"/> that feeds it every answer the recorder writes.
    /// </summary>
    public static IServiceCollection AddSpeechGateMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SpeechGateGauges>();
        services.TryAddSingleton(sp => new SpeechGateMetrics(
            sp.GetService<IMeterFactory>() ?? sp.GetRequiredService<OwnedMeterFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SpeechGateGauges>()));
        services.TryAddSingleton<OwnedMeterFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISpeechAnswerObserver, MetricsAnswerObserver>());
        return services;
    }

    /// <summary>Adds the stage that times provider calls and counts their errors; add it last (innermost), after <c>AddSpeechGateMetrics()</c>.</summary>
    public static SpeechSynthesizerBuilder UseUpstreamTelemetry(this SpeechSynthesizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) => services.GetService<SpeechGateMetrics>() is { } metrics
            ? new UpstreamTelemetrySpeechSynthesizer(inner, metrics, services.GetService<TimeProvider>() ?? TimeProvider.System)
            : inner);
    }
}
