using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Budgeting;
using SpeechGate.Caching;
using SpeechGate.Metering;
using SpeechGate.Server.Hosting;
using SpeechGate.Server.HotHits;
using SpeechGate.Server.Tests.Endpoints;
using SpeechGate.Server.Tests.Fakes;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Pipeline;

/// <summary>Issue 12 over real HTTP: answers through the cache keep what the stages below said; gateway options come from configuration.</summary>
public sealed class GatewaySeamTests
{
    private const string Path = $"/v1/text-to-speech/{FakeVoiceCatalog.Rachel}";

    [Fact]
    public async Task SoftBudgetExceeded_WithTheCacheOn_TheWarningHeaderReachesTheClient()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        await pipeline.Gateway.App.Services.GetRequiredService<IBudgetStore>()
            .SetAsync(new Budget(BudgetScope.Project, "promo", BudgetPeriod.Month, 5, BudgetMode.Soft));

        using var response = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, """{"text":"Over the soft budget, still spoken."}""", ("x-speechgate-project", "promo")));
        _ = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("miss", TextToSpeechEndpointsTests.Header(response, "x-speechgate-cache"));
        Assert.Contains("promo", TextToSpeechEndpointsTests.Header(response, "x-speechgate-budget-warning"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderRateLimitFromConfiguration_RefusesTheSecondMiss_ButNotHits()
    {
        await using var pipeline = await PipelineGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:ProviderRateLimitPermits"] = "1",
            ["Gateway:RateLimitWindow"] = "01:00:00",
        });
        var key = await pipeline.Gateway.Keys.CreateAsync("one-key");
        const string cached = """{"text":"Bought once, heard often."}""";
        using (var miss = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, cached, ("xi-api-key", key.Secret))))
        {
            _ = await miss.Content.ReadAsByteArrayAsync();
            Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
        }

        await pipeline.WaitForEntriesAsync(1);
        var hits = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var hit = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, cached, ("xi-api-key", key.Secret)));
            _ = await hit.Content.ReadAsByteArrayAsync();
            hits.Add(hit.StatusCode);
        }

        using var secondMiss = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, """{"text":"A second purchase."}""", ("xi-api-key", key.Secret)));

        Assert.All(hits, status => Assert.Equal(HttpStatusCode.OK, status));
        await MalformedInputTests.AssertDetailAsync(secondMiss, 429, "system_busy");
        Assert.Equal(1, pipeline.UpstreamTtsCalls);
    }

    [Fact]
    public async Task Defaults_LimitProviderCallsNotCacheHits()
    {
        await using var gateway = await TestGateway.StartAsync();

        var options = gateway.App.Services.GetRequiredService<GatewayOptions>();

        Assert.Equal(0, options.RateLimitPermits);
        Assert.Equal(600, options.ProviderRateLimitPermits);
        Assert.True(options.HotHits);
        Assert.Equal(1024 * 1024, options.MaxRequestBodyBytes);
        Assert.Empty(options.CorsOrigins);
    }

    [Fact]
    public async Task CorsOriginsFromConfiguration_AllowOnlyThoseOrigins()
    {
        await using var gateway = await TestGateway.StartAsync(options => options.Configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Providers:Default"] = "local", ["Gateway:CorsOrigins:0"] = "https://app.example" }).Build());

        using var allowed = await gateway.Client.SendAsync(Preflight("https://app.example"));
        using var other = await gateway.Client.SendAsync(Preflight("https://elsewhere.example"));

        Assert.Equal("https://app.example", TextToSpeechEndpointsTests.Header(allowed, "Access-Control-Allow-Origin"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("Gateway:RateLimitPermits", "-1")]
    [InlineData("Gateway:MaxRequestBodyBytes", "0")]
    [InlineData("Gateway:CorsOrigins:0", "not an origin")]
    public async Task InvalidGatewaySetting_StopsStartupNamingIt(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestGateway.StartAsync(options => options.Configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value }).Build()));

        Assert.Contains(setting.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HotHitAndFullPathHit_SameHeadersLedgerRowsAndStatistics_ThroughTheOneRecorder()
    {
        var rows = new RecordedRows();
        await using var pipeline = await PipelineGateway.StartAsync(services: services => services.AddSingleton<ISpeechAnswerObserver>(rows));
        var key = await pipeline.Gateway.Keys.CreateAsync("hot");
        var index = pipeline.Gateway.App.Services.GetRequiredService<HotHitIndex>();
        var cache = pipeline.Gateway.App.Services.GetRequiredService<FileSpeechCache>();
        const string json = """{"text":"Answered twice the same way","model_id":"eleven_flash_v2_5"}""";
        async Task<HttpResponseMessage> SendAsync()
        {
            var response = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, json, ("xi-api-key", key.Secret), ("x-speechgate-project", "seams")));
            _ = await response.Content.ReadAsByteArrayAsync();
            return response;
        }

        (await SendAsync()).Dispose();
        await pipeline.WaitForEntriesAsync(1);
        var beforeFull = await cache.GetStatsAsync();
        using var full = await SendAsync();
        var afterFull = await cache.GetStatsAsync();
        Assert.Equal(0, index.Served);
        using var hot = await SendAsync();
        var afterHot = await cache.GetStatsAsync();

        Assert.Equal(1, index.Served);
        Assert.Equal(HeadersOf(full), HeadersOf(hot));
        Assert.Equal(3, rows.Count);
        Assert.Equal(SpeechCacheStatus.Hit, rows[1].CacheStatus);
        Assert.Equal(rows[1] with { Time = default }, rows[2] with { Time = default });
        Assert.Equal((1L, 0L), (afterFull.Hits - beforeFull.Hits, afterFull.Misses - beforeFull.Misses));
        Assert.True(afterFull.CreditsSaved > beforeFull.CreditsSaved);
        Assert.Equal(
            (afterFull.Hits - beforeFull.Hits, afterFull.Misses - beforeFull.Misses, afterFull.CreditsSaved - beforeFull.CreditsSaved),
            (afterHot.Hits - afterFull.Hits, afterHot.Misses - afterFull.Misses, afterHot.CreditsSaved - afterFull.CreditsSaved));
    }

    // Every header but the ones that differ per request by design (the gateway's trace id and the date).
    private static string[] HeadersOf(HttpResponseMessage response)
        => [.. response.Headers.Concat(response.Content.Headers)
            .Where(header => !header.Key.Equals("x-trace-id", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("date", StringComparison.OrdinalIgnoreCase))
            .Select(header => $"{header.Key.ToLowerInvariant()}: {string.Join(",", header.Value)}")
            .Order(StringComparer.Ordinal)];

    private sealed class RecordedRows : ISpeechAnswerObserver
    {
        private readonly List<UsageRecord> _rows = [];

        public int Count
        {
            get
            {
                lock (_rows)
                {
                    return _rows.Count;
                }
            }
        }

        public UsageRecord this[int index]
        {
            get
            {
                lock (_rows)
                {
                    return _rows[index];
                }
            }
        }

        public void OnAnswered(UsageRecord row)
        {
            lock (_rows)
            {
                _rows.Add(row);
            }
        }
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, Path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        return request;
    }
}
