using System.Text.Json.Nodes;
using SpeechGate.Models;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Dashboard;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.Playground;

/// <summary>
/// <c>/playground</c>: a page that prices a text with <c>POST /v1/speechgate/estimate</c>, shows proofing findings, and
/// plays it through the same text-to-speech route every client uses (cache, budget, ledger). Its own routes only list
/// the voices to pick (aliases and pins with the account's voices) and proof a text; both take a gateway key.
/// </summary>
internal static class PlaygroundEndpoints
{
    public static IEndpointRouteBuilder MapPlaygroundEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPageAsset("/playground", "playground.html", "text/html; charset=utf-8");
        endpoints.MapPageAsset("/playground.js", "playground.js", "text/javascript; charset=utf-8");
        endpoints.MapGet("/v1/speechgate/playground/voices", Voices).RequireAuthorization(GatewayPolicies.Client);
        endpoints.MapPost("/v1/speechgate/playground/proof", ProofAsync).RequireAuthorization(GatewayPolicies.Client);
        return endpoints;
    }

    private static IResult Voices(VoiceConfigurationStore voices)
    {
        var configuration = voices.Current;
        return Results.Json(new JsonObject
        {
            ["aliases"] = new JsonArray([.. configuration.Catalog.Aliases.Values.OrderBy(a => a.Name, StringComparer.Ordinal).Select(alias => (JsonNode)new JsonObject
            {
                ["name"] = alias.Name,
                ["voice_id"] = alias.VoiceId,
                ["model_id"] = alias.ModelId,
            })]),
            ["pins"] = new JsonArray([.. configuration.Lock.Pins.Select(pin => (JsonNode)new JsonObject
            {
                ["key"] = pin.Key,
                ["name"] = pin.Value.Name,
                ["voice_id"] = pin.Value.VoiceId,
            })]),
            ["models"] = new JsonArray([.. KnownModels.All.Select(model => (JsonNode)new JsonObject
            {
                ["model_id"] = model.ModelId,
                ["name"] = model.Name,
                ["credits_per_character"] = model.CreditsPerCharacter,
            })]),
        });
    }

    private static async Task<IResult> ProofAsync(HttpContext context, ITextProofer proofer)
    {
        string text;
        string? model;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
            text = body?["text"]?.GetValue<string>() ?? throw Synthesis.SpeechException.Validation("text", "text is required.");
            model = body["model_id"]?.GetValue<string>();
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            throw Synthesis.SpeechException.Validation("body", "The body must be a JSON object with a string text and an optional string model_id.");
        }

        var report = await proofer.ProofAsync(text, model, context.RequestAborted);
        return Results.Json(new JsonObject
        {
            ["available"] = report.Available,
            ["findings"] = new JsonArray([.. report.Findings.Select(f => (JsonNode)new JsonObject
            {
                ["code"] = f.Code,
                ["severity"] = f.Severity,
                ["message"] = f.Message,
                ["start"] = f.Start,
                ["length"] = f.Length,
            })]),
        });
    }
}
