using System.Globalization;
using System.Text.Json.Nodes;
using SpeechGate.Metering;
using SpeechGate.Server.Authentication;
using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.Endpoints;

/// <summary>SpeechGate's own routes: spend estimates, the ledger and voice health.</summary>
internal static class SpeechGateEndpoints
{
    /// <summary>Configuration key: how old a voice health report may be before the route re-checks (default 5 minutes).</summary>
    public const string HealthMaxAgeKey = "VoiceHealth:MaxAge";

    public static IEndpointRouteBuilder MapSpeechGateEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/speechgate/estimate", EstimateEndpoint.HandleAsync).RequireAuthorization(GatewayPolicies.Client);
        endpoints.MapGet("/v1/speechgate/ledger", LedgerAsync).RequireAuthorization(GatewayPolicies.Admin);
        endpoints.MapGet("/v1/speechgate/voices/health", VoiceHealthAsync).RequireAuthorization(GatewayPolicies.Admin);
        endpoints.MapVoiceWebhookEndpoint();
        return endpoints;
    }

    private static async Task<IResult> LedgerAsync(HttpContext context, IUsageLedger ledger)
    {
        var by = context.Request.Query["by"].ToString();
        if (!Enum.TryParse<LedgerGrouping>(by.Length == 0 ? nameof(LedgerGrouping.None) : by, ignoreCase: true, out var grouping) || int.TryParse(by, out _))
        {
            throw SpeechException.Validation("by", "by must be one of key, project, voice, model, day.");
        }

        var since = context.Request.Query["since"].ToString();
        DateTimeOffset? from = null;
        if (since.Length > 0)
        {
            from = long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
                ? unix <= DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds(unix) : throw SpeechException.Validation("since", "since is too far in the future.")
                : DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed
                : throw SpeechException.Validation("since", "since must be an ISO 8601 date or unix seconds.");
        }

        // Charges that could not be written when they happened are written first, or reported as still waiting.
        var backlog = context.RequestServices.GetService<LedgerBacklog>();
        if (backlog is not null)
        {
            await backlog.DrainAsync(context.RequestAborted);
        }

        var totals = await ledger.SummarizeAsync(grouping, from, context.RequestAborted);
        return Results.Json(new JsonObject
        {
            ["by"] = grouping.ToString().ToLowerInvariant(),
            ["since"] = from?.ToString("O", CultureInfo.InvariantCulture),
            ["totals"] = new JsonArray([.. totals.Select(Totals)]),
            ["backlog"] = new JsonObject { ["rows"] = backlog?.PendingRows ?? 0, ["credits"] = backlog?.PendingCredits ?? 0 },
        });
    }

    private static async Task<IResult> VoiceHealthAsync(HttpContext context, IConfiguration configuration)
    {
        if (context.RequestServices.GetService<IVoiceUpstream>() is null)
        {
            throw new InvalidSpeechRequestException("provider_not_configured", "Voice health checks need the ElevenLabs provider: configure its API key.");
        }

        var maxAge = configuration.GetValue(HealthMaxAgeKey, TimeSpan.FromMinutes(5));
        var report = await context.RequestServices.GetRequiredService<VoiceHealthMonitor>().GetReportAsync(maxAge, context.RequestAborted);
        return Results.Json(new JsonObject
        {
            ["checked_at"] = report.CheckedAt.ToString("O", CultureInfo.InvariantCulture),
            ["healthy"] = report.Healthy,
            ["broken"] = new JsonArray([.. report.Broken.Select(voice => (JsonNode)voice.Name)]),
            ["voices"] = new JsonArray([.. report.Voices.Select(Voice)]),
        });
    }

    private static JsonObject Totals(LedgerTotals totals) => new()
    {
        ["group"] = totals.Group,
        ["requests"] = totals.Requests,
        ["characters"] = totals.Characters,
        ["spent_credits"] = totals.SpentCredits,
        ["saved_credits"] = totals.SavedCredits,
        ["wasted_credits"] = totals.WastedCredits,
        ["cache_hits"] = totals.CacheHits,
    };

    private static JsonObject Voice(VoiceHealthEntry voice) => new()
    {
        ["name"] = voice.Name,
        ["voice_id"] = voice.VoiceId,
        ["status"] = voice.Status,
        ["source"] = voice.Source,
        ["load_bearing"] = voice.LoadBearing,
        ["category"] = voice.Category,
        ["pinned_category"] = voice.PinnedCategory,
        ["ownership"] = voice.Ownership,
        ["fallbacks"] = new JsonArray([.. voice.Fallbacks.Select(f => (JsonNode)f)]),
        ["depended_on_by"] = new JsonArray([.. voice.DependedOnBy.Select(d => (JsonNode)d)]),
        ["removal_at"] = voice.RemovalAt?.ToString("O", CultureInfo.InvariantCulture),
        ["problem"] = voice.Problem,
        ["message"] = voice.Message,
    };
}
