using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeechGate.Server.Dashboard;
using SpeechGate.Server.Playground;

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
        services.TryAddSingleton<DashboardReport>();
        services.TryAddSingleton<ITextProofer, PipelineTextProofer>();
        services.AddOtlpExportIfConfigured(configuration);
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

        // The dashboard reads the ledger, budgets and voice health; its timing chart is empty with metrics off.
        app.MapDashboardEndpoints();
        app.MapPlaygroundEndpoints();

        return app;
    }
}
