using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SpeechGate.Server.Observability;

/// <summary>Wires metrics, the dashboard and the playground into the gateway.</summary>
internal static class GatewayObservability
{
    public static IServiceCollection AddGatewayObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new ObservabilityOptions();
        configuration.GetSection(ObservabilityOptions.SectionName).Bind(options);
        services.TryAddSingleton(options);
        services.AddSpeechGateMetrics();
        services.TryAddSingleton<PrometheusExporter>();
        services.TryAddSingleton<ObservedState>();
        return services;
    }

    /// <summary>First in the pipeline, so every answer (hot hits, errors) is counted.</summary>
    public static WebApplication UseGatewayObservability(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ObservabilityOptions>().Enabled)
        {
            // Created now: its listener must be there before the first answer is counted.
            _ = app.Services.GetRequiredService<PrometheusExporter>();
            app.UseMiddleware<RequestMetricsMiddleware>();
        }

        return app;
    }

    public static IEndpointRouteBuilder MapGatewayObservability(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ObservabilityOptions>().Enabled)
        {
            app.MapMetricsEndpoint();
        }

        return app;
    }
}
