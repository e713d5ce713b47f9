using SpeechGate.Server.Authentication;
using SpeechGate.Server.Catalog;

namespace SpeechGate.Server.Endpoints;

/// <summary><c>GET /v1/models</c>: a JSON array of models.</summary>
internal static class ModelsEndpoints
{
    public static IEndpointRouteBuilder MapModelsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/models", async (IAccountCatalog catalog, HttpContext context)
            => Results.Json(await catalog.GetModelsAsync(context.RequestAborted)))
            .RequireAuthorization(GatewayPolicies.Client);
        return endpoints;
    }
}
