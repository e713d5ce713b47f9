using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SpeechGate.Audio;
using SpeechGate.Budgeting;
using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Synthesis;
using SpeechGate.Voiceover;

namespace SpeechGate.Server.Endpoints;

/// <summary>
/// <c>POST /v1/speechgate/estimate</c>: <c>{"text"|"script", "model_id"?, "voice_id"?, "project"?, "output_format"?}</c>
/// priced exactly for the calling key, before anything is spent.
/// </summary>
internal static class EstimateEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SpendEstimator estimator, IOptions<SpeechProviderOptions> providers)
    {
        var body = await ReadAsync(context);
        var text = String(body, "text");
        var source = String(body, "script");
        if (string.IsNullOrWhiteSpace(text) == string.IsNullOrWhiteSpace(source))
        {
            throw SpeechException.Validation("text", "Give exactly one of text or script.");
        }

        // Plain text is one request (as the text-to-speech routes send it); a script is one request per line.
        var script = source is not null ? VoiceoverScriptReader.Parse(source, "script.yaml") // YAML reads JSON too
            : new VoiceoverScript { Lines = [new VoiceoverLine { Id = "text", Text = text! }] };
        var template = new SpeechRequest("", "")
        {
            ModelId = String(body, "model_id"),
            Format = AudioFormat.Parse(String(body, "output_format") ?? AudioFormat.Default.Name),
            Project = String(body, "project") ?? GatewayRequestContext.Apply(context, new SpeechRequest("", "")).Project,
        };
        var voice = String(body, "voice_id")
            ?? (providers.Value.Default == SpeechProviderNames.ElevenLabs ? ElevenLabsOptions.DefaultVoiceId : Providers.Local.LocalVoices.DefaultVoiceId);
        var requests = VoiceoverScriptReader.ToRequests(script, voice, template);
        var estimate = await estimator.EstimateAsync(requests, GatewayRequestContext.AccountId(context), script.Project ?? template.Project, context.RequestAborted);
        return Results.Json(Json(estimate));
    }

    private static string? String(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw SpeechException.Validation(name, $"{name} must be a string."),
    };

    private static async Task<JsonObject> ReadAsync(HttpContext context)
    {
        // Parsed into a document first: it checks UTF-8 and the whole syntax at once, and duplicate keys are refused
        // here rather than when a field is first read (where JsonObject would throw an ArgumentException).
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or ArgumentException or System.Text.DecoderFallbackException)
        {
            throw SpeechException.Validation("body", "The body is not valid JSON (UTF-8).");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw SpeechException.Validation("body", "The body must be a JSON object.");
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!names.Add(property.Name))
                {
                    throw SpeechException.Validation(property.Name, $"The field {property.Name} appears more than once.");
                }

                if (property.Value.ValueKind == JsonValueKind.String && !IsValidText(property.Value))
                {
                    throw SpeechException.Validation(property.Name, $"{property.Name} is not valid UTF-8 text.");
                }
            }

            return JsonObject.Create(document.RootElement.Clone())!;
        }
    }

    private static bool IsValidText(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static JsonObject Json(SpendEstimate estimate) => new()
    {
        ["requests"] = estimate.Requests,
        ["characters"] = estimate.Characters,
        ["credits"] = estimate.Credits,
        ["credits_to_spend"] = estimate.CreditsToSpend,
        ["minutes"] = estimate.Minutes,
        ["cached_requests"] = estimate.CachedRequests,
        ["cached_credits"] = estimate.CachedCredits,
        ["budgets"] = new JsonArray([.. estimate.Budgets.Select(budget => (JsonNode)new JsonObject
        {
            ["name"] = budget.Name,
            ["mode"] = budget.Mode,
            ["limit_credits"] = budget.LimitCredits,
            ["remaining_credits"] = budget.RemainingCredits,
            ["remaining_after"] = budget.RemainingAfter,
        })]),
        ["quota"] = estimate.Quota is not { } quota ? null : new JsonObject
        {
            ["limit_credits"] = quota.LimitCredits,
            ["remaining_credits"] = quota.RemainingCredits,
            ["remaining_after"] = quota.RemainingAfter,
        },
    };
}
