using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Budgeting;
using SpeechGate.Server.Tests.Endpoints;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Pipeline;

/// <summary>Issue 6 over real HTTP: per-key budgets, the ledger and estimates through the gateway.</summary>
public sealed class GatewayBudgetTests
{
    private const string Path = $"/v1/text-to-speech/{FakeVoiceCatalog.George}";

    [Fact]
    public async Task HardKeyBudgetForFive_TwentyConcurrent_ExactlyFiveServedAndTheRestRefusedBeforeUpstream()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        var key = await pipeline.Gateway.Keys.CreateAsync("ci");
        var budgets = pipeline.Gateway.App.Services.GetRequiredService<IBudgetStore>();
        await budgets.SetAsync(new Budget(BudgetScope.Key, key.Key.Id, BudgetPeriod.Month, 5 * 20, BudgetMode.Hard));

        // 20 characters each at 1 credit per character (eleven_multilingual_v2): the budget affords exactly five.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, $$"""{"text":"request number {{i:D4}}!"}""", ("xi-api-key", key.Secret)));
            _ = await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK ? "ok" : await DetailStatusAsync(response);
        }));

        Assert.Equal(5, statuses.Count(s => s == "ok"));
        Assert.Equal(15, statuses.Count(s => s == "budget_exceeded"));
        Assert.Equal(5, pipeline.UpstreamTts.Count);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/user/subscription");
        request.Headers.Add("xi-api-key", key.Secret);
        using var subscription = JsonDocument.Parse(await (await pipeline.Client.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.Equal(100, subscription.RootElement.GetProperty("character_limit").GetInt64());
        Assert.Equal(100, subscription.RootElement.GetProperty("character_count").GetInt64());
    }

    [Fact]
    public async Task BypassHeader_BillsAgainAndTheLedgerRouteCountsTheReBuy()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        const string json = """{"text":"Buy me twice, please"}""";
        using var first = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, json));
        _ = await first.Content.ReadAsByteArrayAsync();
        await pipeline.WaitForEntriesAsync(1);

        using var bypass = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, json, ("x-speechgate-cache", "bypass")));
        _ = await bypass.Content.ReadAsByteArrayAsync();
        using var ledger = JsonDocument.Parse(await pipeline.Client.GetStringAsync("/v1/speechgate/ledger?by=voice"));

        Assert.Equal("bypass", TextToSpeechEndpointsTests.Header(bypass, "x-speechgate-cache"));
        Assert.Equal("20", TextToSpeechEndpointsTests.Header(bypass, "character-cost"));
        Assert.Equal(2, pipeline.UpstreamTtsCalls);
        var total = ledger.RootElement.GetProperty("totals")[0];
        Assert.Equal(40, total.GetProperty("spent_credits").GetInt64());
        Assert.Equal(20, total.GetProperty("wasted_credits").GetInt64());
    }

    [Fact]
    public async Task Estimate_EqualsWhatTheRunThenSpends()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        const string script = "lines:\n  - id: a\n    text: The first line of the script.\n  - id: b\n    text: A second, slightly longer line of the script.\n";

        using var response = await pipeline.Client.PostAsJsonAsync("/v1/speechgate/estimate", new { script, voice_id = FakeVoiceCatalog.George, model_id = "eleven_flash_v2_5" });
        using var estimate = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        foreach (var text in new[] { "The first line of the script.", "A second, slightly longer line of the script." })
        {
            using var spoken = await pipeline.Client.PostAsJsonAsync(Path, new { text, model_id = "eleven_flash_v2_5" });
            _ = await spoken.Content.ReadAsByteArrayAsync();
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, estimate.RootElement.GetProperty("requests").GetInt32());
        Assert.True(pipeline.Upstream.BilledCharacters > 0);
        Assert.Equal(pipeline.Upstream.BilledCharacters, estimate.RootElement.GetProperty("credits").GetInt64());
    }

    [Fact]
    public async Task UpstreamQuotaExhausted_Is401QuotaExceededInElevenLabsShape_AndCachedAudioStillServed()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        const string cached = """{"text":"Already paid for this."}""";
        using (var first = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, cached)))
        {
            _ = await first.Content.ReadAsByteArrayAsync();
        }

        await pipeline.WaitForEntriesAsync(1);
        pipeline.Upstream.Account.SetCharacterCount(pipeline.Upstream.Account.CharacterLimit - 5);

        using var refused = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, """{"text":"This one would go over the quota."}"""));
        using var hit = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, cached));

        await MalformedInputTests.AssertDetailAsync(refused, 401, "quota_exceeded");
        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Equal("hit", TextToSpeechEndpointsTests.Header(hit, "x-speechgate-cache"));
    }

    private static async Task<string> DetailStatusAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return $"http {(int)response.StatusCode}";
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("detail").GetProperty("status").GetString()!;
    }
}
