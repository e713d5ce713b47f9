using SpeechGate.Metering;
using SpeechGate.Server.Authentication;

namespace SpeechGate.Server.Dashboard;

/// <summary><c>/dashboard</c> (the page; it holds no data) and <c>GET /v1/speechgate/dashboard</c> (its data, admin key).</summary>
internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPageAsset("/dashboard", "dashboard.html", "text/html; charset=utf-8");
        endpoints.MapPageAsset("/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8");
        endpoints.MapPageAsset("/speechgate.css", "speechgate.css", "text/css; charset=utf-8");
        endpoints.MapPageAsset("/session.js", "session.js", "text/javascript; charset=utf-8");
        endpoints.MapGet("/v1/speechgate/dashboard", ReportAsync).RequireAuthorization(GatewayPolicies.Admin);
        return endpoints;
    }

    private static async Task<IResult> ReportAsync(HttpContext context, DashboardReport report)
    {
        // Charges a failed write left waiting are written first, as the ledger route does.
        if (context.RequestServices.GetService<LedgerBacklog>() is { } backlog)
        {
            await backlog.DrainAsync(context.RequestAborted);
        }

        return Results.Json(await report.BuildAsync(context.RequestAborted));
    }
}
