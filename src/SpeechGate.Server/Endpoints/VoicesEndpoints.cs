using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Catalog;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Synthesis;
using SpeechGate.Voices;

namespace SpeechGate.Server.Endpoints;

/// <summary><c>GET /v1/voices</c>, <c>GET /v2/voices</c> and <c>GET /v1/voices/{voice_id}</c>, from the default provider's directory.</summary>
internal static class VoicesEndpoints
{
    public static IEndpointRouteBuilder MapVoicesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/voices", async (HttpContext context) =>
        {
            var voices = await ListAsync(context);
            return Results.Json(new JsonObject { ["voices"] = new JsonArray([.. voices.Select(VoiceJson.From)]) });
        }).RequireAuthorization(GatewayPolicies.Client);

        endpoints.MapGet("/v2/voices", async (HttpContext context) =>
        {
            var query = VoiceQuery.Parse(context.Request.Query);
            var matching = query.Apply(await ListAsync(context)).ToList();
            var page = matching.Skip(query.Offset).Take(query.PageSize).ToList();
            var hasMore = query.Offset + page.Count < matching.Count;
            return Results.Json(new JsonObject
            {
                ["voices"] = new JsonArray([.. page.Select(VoiceJson.From)]),
                ["has_more"] = hasMore,
                ["total_count"] = matching.Count,
                ["next_page_token"] = hasMore ? (query.Offset + page.Count).ToString(CultureInfo.InvariantCulture) : null,
            });
        }).RequireAuthorization(GatewayPolicies.Client);

        endpoints.MapGet("/v1/voices/{voice_id}", async (HttpContext context, string voice_id) =>
        {
            VoiceIdRule.Ensure(voice_id);
            var voice = Directory(context) is { } directory ? await directory.GetVoiceAsync(voice_id, context.RequestAborted) : null;
            return voice is null ? throw SpeechException.VoiceNotFound(voice_id) : Results.Json(VoiceJson.From(voice));
        }).RequireAuthorization(GatewayPolicies.Client);
        return endpoints;
    }

    private static async Task<IReadOnlyList<VoiceInfo>> ListAsync(HttpContext context)
        => Directory(context) is { } directory ? await directory.ListVoicesAsync(context.RequestAborted) : [];

    private static IVoiceDirectory? Directory(HttpContext context)
    {
        var provider = context.RequestServices.GetRequiredService<IOptions<SpeechProviderOptions>>().Value.Default;
        return context.RequestServices.GetKeyedService<IVoiceDirectory>(provider);
    }
}
