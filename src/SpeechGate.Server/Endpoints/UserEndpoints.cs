using SpeechGate.Server.Authentication;
using SpeechGate.Server.Catalog;

namespace SpeechGate.Server.Endpoints;

/// <summary><c>GET /v1/user</c> and <c>GET /v1/user/subscription</c>.</summary>
internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/user", async (IAccountCatalog catalog, HttpContext context) =>
        {
            // The preview names the gateway key, never the upstream ElevenLabs key.
            var keyId = GatewayAuthorization.KeyId(context.User);
            return Results.Json(await catalog.GetUserAsync(keyId is null ? null : $"sg_{keyId}_…", context.RequestAborted));
        }).RequireAuthorization(GatewayPolicies.Client);

        endpoints.MapGet("/v1/user/subscription", async (IAccountCatalog catalog, HttpContext context)
            => Results.Json(await catalog.GetSubscriptionAsync(context.RequestAborted)))
            .RequireAuthorization(GatewayPolicies.Client);
        return endpoints;
    }
}
