namespace SpeechGate.Server.Endpoints;

/// <summary><c>GET /healthz</c>: liveness, no key needed.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Json(new Dictionary<string, string> { ["status"] = "ok" })).AllowAnonymous();
        return endpoints;
    }
}
