using SpeechGate.Server.Authentication;

namespace SpeechGate.Server.Observability;

/// <summary><c>GET /metrics</c>: the SpeechGate meter in Prometheus text format (an admin key, like the ledger it reveals).</summary>
internal static class MetricsEndpoint
{
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", WriteAsync).RequireAuthorization(GatewayPolicies.Admin);
        return endpoints;
    }

    private static async Task WriteAsync(HttpContext context, PrometheusExporter exporter, ObservedState state)
    {
        // Gauges are published, not computed in the scrape: their sources are databases and remote calls.
        await state.RefreshBudgetsAsync(context.RequestAborted);
        await state.RefreshQuotaAsync(context.RequestAborted);
        await state.RefreshVoicesAsync(maxAge: null, context.RequestAborted);
        context.Response.ContentType = PrometheusExporter.ContentType;
        await exporter.WriteAsync(context.Response.Body, context.RequestAborted);
    }
}
