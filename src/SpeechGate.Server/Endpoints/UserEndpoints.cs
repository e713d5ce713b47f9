using System.Text.Json.Nodes;
using SpeechGate.Budgeting;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Catalog;
using SpeechGate.Server.Endpoints.TextToSpeech;

namespace SpeechGate.Server.Endpoints;

/// <summary><c>GET /v1/user</c> and <c>GET /v1/user/subscription</c>; a key with a budget sees that budget as its quota.</summary>
internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/user", async (IAccountCatalog catalog, IBudgetStore budgets, TimeProvider time, HttpContext context) =>
        {
            // The preview names the gateway key, never the upstream ElevenLabs key.
            var keyId = GatewayAuthorization.KeyId(context.User);
            var user = await catalog.GetUserAsync(keyId is null ? null : $"sg_{keyId}_…", context.RequestAborted);
            await KeyBudgetSubscription.ApplyAsync(user["subscription"] as JsonObject, GatewayRequestContext.AccountId(context), budgets, time, context.RequestAborted);
            return Results.Json(user);
        }).RequireAuthorization(GatewayPolicies.Client);

        endpoints.MapGet("/v1/user/subscription", async (IAccountCatalog catalog, IBudgetStore budgets, TimeProvider time, HttpContext context) =>
        {
            var subscription = await catalog.GetSubscriptionAsync(context.RequestAborted);
            await KeyBudgetSubscription.ApplyAsync(subscription, GatewayRequestContext.AccountId(context), budgets, time, context.RequestAborted);
            return Results.Json(subscription);
        }).RequireAuthorization(GatewayPolicies.Client);
        return endpoints;
    }
}
