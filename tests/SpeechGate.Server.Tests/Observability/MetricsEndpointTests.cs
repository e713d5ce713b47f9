using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Metering;
using SpeechGate.Server.Tests.Endpoints;
using SpeechGate.Server.Tests.Pipeline;

namespace SpeechGate.Server.Tests.Observability;

/// <summary>Issue 18: <c>/metrics</c> after a scripted workload agrees with the ledger and with what the fake upstream billed.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Scrape_AfterWorkload_ParsesAndEqualsLedgerAndUpstreamBilling()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        var client = await pipeline.Gateway.Keys.CreateAsync("client");
        var admin = await pipeline.Gateway.Keys.CreateAsync("admin", isAdmin: true);
        await ScriptedWorkload.RunAsync(pipeline, client.Secret);

        var totals = (await pipeline.Gateway.App.Services.GetRequiredService<IUsageLedger>().SummarizeAsync(LedgerGrouping.None, since: null))[0];
        var scraped = await ScrapeAsync(pipeline, admin.Secret);
        var metrics = PrometheusText.Parse(scraped);

        Assert.Equal("counter", metrics.Types["speechgate_credits_spent_total"]);
        Assert.Equal(pipeline.Upstream.BilledCharacters, totals.SpentCredits);
        Assert.Equal(totals.SpentCredits, metrics.Sum("speechgate_credits_spent_total"));
        Assert.Equal(totals.SavedCredits, metrics.Sum("speechgate_credits_saved_total"));
        Assert.Equal(totals.WastedCredits, metrics.Sum("speechgate_credits_wasted_total"));
        Assert.True(totals.WastedCredits > 0);
        Assert.Equal(totals.Characters, metrics.Sum("speechgate_characters_total"));
        Assert.Equal(totals.Requests, metrics.Sum("speechgate_cache_lookups_total"));
        Assert.Equal(totals.CacheHits, metrics.Sum("speechgate_cache_lookups_total", ("result", "hit")));
        Assert.Equal(4, totals.CacheHits);
        Assert.Equal(4, metrics.Sum("speechgate_cache_lookups_total", ("result", "miss")));
        Assert.Equal(1, metrics.Sum("speechgate_regenerations_total", ("project", ScriptedWorkload.Project)));
        Assert.Equal(1, metrics.Sum("speechgate_upstream_errors_total", ("code", "voice_not_found"), ("status", "404")));
        Assert.Equal(pipeline.UpstreamTtsCalls, metrics.Sum("speechgate_upstream_time_to_first_byte_seconds_count"));
        Assert.Equal(1, metrics.Sum("speechgate_upstream_duration_seconds_count", ("route", "convert"), ("model", "eleven_multilingual_v2")));
        Assert.Equal(3, metrics.Sum("speechgate_upstream_duration_seconds_count", ("route", "stream"), ("model", "eleven_flash_v2_5")));
        Assert.Equal(6, metrics.Sum("speechgate_http_requests_total", ("route", "/v1/text-to-speech/{voice_id}"), ("status", "200")));
        Assert.Equal(2, metrics.Sum("speechgate_http_requests_total", ("route", "/v1/text-to-speech/{voice_id}/stream"), ("status", "200")));
        Assert.Equal(1, metrics.Sum("speechgate_http_requests_total", ("route", "/v1/text-to-speech/{voice_id}"), ("status", "404")));
    }

    [Fact]
    public async Task Scrape_WithoutAdminKey_IsRefusedInElevenLabsShape()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        var client = await pipeline.Gateway.Keys.CreateAsync("client");

        using var missing = await pipeline.Client.GetAsync("/metrics");
        using var notAdmin = await pipeline.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "xi-api-key", client.Secret } } });

        await MalformedInputTests.AssertDetailAsync(missing, 401, "needs_authorization");
        await MalformedInputTests.AssertDetailAsync(notAdmin, 403, "missing_permissions");
    }

    [Fact]
    public async Task MetricsDisabled_NoRoute()
    {
        await using var pipeline = await PipelineGateway.StartAsync(new Dictionary<string, string?> { ["Metrics:Enabled"] = "false" });

        using var response = await pipeline.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    internal static async Task<string> ScrapeAsync(PipelineGateway pipeline, string adminKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var response = await pipeline.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }
}
