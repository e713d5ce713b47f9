using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Caching;
using SpeechGate.Metering;
using SpeechGate.Server.Tests.Endpoints;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Pipeline;

/// <summary>
/// The hot-hit path over real HTTP: a repeat of a request the full path answered from the cache is answered before
/// routing, byte- and header-identical, with the same ledger row, and only after the same key check and rate limit.
/// </summary>
public sealed partial class HotHitTests
{
    private const string Json = """{"text":"Hot and cached","model_id":"eleven_flash_v2_5"}""";
    private static readonly string AudioPath = $"/v1/text-to-speech/{FakeVoiceCatalog.Rachel}";

    // Headers that differ per request by design: the gateway's own trace id and the date.
    private static readonly HashSet<string> PerRequest = new(StringComparer.OrdinalIgnoreCase) { "x-trace-id", "date" };

    [Theory]
    [InlineData("")]
    [InlineData("/stream")]
    public async Task RepeatOfACachedRequest_IsServedBeforeThePipeline_WithTheFullPathsBytesAndHeaders(string route)
    {
        await using var hot = await HotGateway.StartAsync();

        var (miss, _) = await hot.SendAsync(AudioPath + route, Json);
        await hot.Pipeline.WaitForEntriesAsync(1);
        var (full, fullBytes) = await hot.SendAsync(AudioPath + route, Json);
        Assert.Equal(0, hot.Index.Served);
        var (fast, fastBytes) = await hot.SendAsync(AudioPath + route, Json);

        Assert.Equal(1, hot.Index.Served);
        Assert.Equal("miss", TextToSpeechEndpointsTests.Header(miss, "x-speechgate-cache"));
        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        Assert.Equal(fullBytes, fastBytes);
        Assert.Equal(Headers(full), Headers(fast));
        Assert.NotEqual(TextToSpeechEndpointsTests.Header(full, "x-trace-id"), TextToSpeechEndpointsTests.Header(fast, "x-trace-id"));
        Assert.Equal(1, hot.Pipeline.UpstreamTtsCalls);
        var stats = await hot.Pipeline.Gateway.App.Services.GetRequiredService<FileSpeechCache>().GetStatsAsync();
        Assert.Equal((2, 1), (stats.Hits, stats.Misses)); // the hot hit is counted like the full path's
    }

    [Fact]
    public async Task HotHits_AreLedgeredLikeFullPathHits_UnderTheirOwnKeyAndProject()
    {
        await using var hot = await HotGateway.StartAsync();
        await hot.WarmAsync(AudioPath, Json);
        var other = await hot.Pipeline.Gateway.Keys.CreateAsync("other");

        for (var i = 0; i < 3; i++)
        {
            await hot.SendAsync(AudioPath, Json, other.Secret, ("x-speechgate-project", "trailer"), ("x-speechgate-line-id", "line-7"));
        }

        // The other key's first request validates it on the full path; its next two are hot.
        Assert.Equal(2, hot.Index.Served);
        var ledger = hot.Pipeline.Gateway.App.Services.GetRequiredService<IUsageLedger>();
        var byProject = await ledger.SummarizeAsync(LedgerGrouping.Project, since: null);
        var trailer = Assert.Single(byProject, totals => totals.Group == "trailer");
        Assert.Equal((3, 3, 0), (trailer.Requests, trailer.CacheHits, trailer.SpentCredits));
        Assert.True(trailer.SavedCredits > 0);
        var byKey = await ledger.SummarizeAsync(LedgerGrouping.Key, since: null);
        Assert.Equal(3, Assert.Single(byKey, totals => totals.Group == other.Key.Id).Requests);
        Assert.Equal(5, byKey[0].Requests); // the overall row: miss + full-path hit + three hot hits
    }

    [Fact]
    public async Task WrongOrRevokedKey_IsRefusedAsOnTheFullPath_EvenOnAConnectionThatUsedItBefore()
    {
        await using var hot = await HotGateway.StartAsync();
        await hot.WarmAsync(AudioPath, Json);
        var (served, _) = await hot.SendAsync(AudioPath, Json); // the connection now remembers the key
        Assert.Equal((HttpStatusCode.OK, 1L), (served.StatusCode, hot.Index.Served));

        var (wrong, _) = await hot.SendAsync(AudioPath, Json, "sg_000000000000_notavalidsecretatallnotavalidsecretatall0");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        // Another key stays active: with none left, loopback use is keyless and any key passes.
        await hot.Pipeline.Gateway.Keys.CreateAsync("still-active");
        Assert.True(await hot.Pipeline.Gateway.Keys.RevokeAsync("hot"));
        var (revoked, _) = await hot.SendAsync(AudioPath, Json);

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal(1, hot.Index.Served);
    }

    [Fact]
    public async Task RateLimit_CountsHotHitsAndRefusesOnceSpent()
    {
        await using var hot = await HotGateway.StartAsync(options => options.RateLimitPermits = 4);
        await hot.WarmAsync(AudioPath, Json); // two permits: the miss and the full-path hit

        var (third, _) = await hot.SendAsync(AudioPath, Json);
        var (fourth, _) = await hot.SendAsync(AudioPath, Json);
        var (fifth, _) = await hot.SendAsync(AudioPath, Json);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (third.StatusCode, fourth.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal(2, hot.Index.Served);
    }

    [Fact]
    public async Task Bypass_TakesTheFullPathAndBuysANewTake()
    {
        await using var hot = await HotGateway.StartAsync();
        await hot.WarmAsync(AudioPath, Json);

        var (bypass, _) = await hot.SendAsync(AudioPath, Json, headers: ("x-speechgate-cache", "bypass"));

        Assert.Equal("bypass", TextToSpeechEndpointsTests.Header(bypass, "x-speechgate-cache"));
        Assert.Equal(0, hot.Index.Served);
        Assert.Equal(2, hot.Pipeline.UpstreamTtsCalls);
    }

    [Theory]
    [InlineData("""{"text":"Hot and cached!","model_id":"eleven_flash_v2_5"}""", "")]
    [InlineData(Json, "?output_format=mp3_22050_32")]
    public async Task AnotherBodyOrQuery_IsNotAnsweredFromAnEntryItDoesNotMatch(string json, string query)
    {
        await using var hot = await HotGateway.StartAsync();
        await hot.WarmAsync(AudioPath, Json);

        var (other, _) = await hot.SendAsync(AudioPath + query, json);

        Assert.Equal("miss", TextToSpeechEndpointsTests.Header(other, "x-speechgate-cache"));
        Assert.Equal(0, hot.Index.Served);
        Assert.Equal(2, hot.Pipeline.UpstreamTtsCalls);
    }

    private static List<string> Headers(HttpResponseMessage response)
        => [.. response.Headers.Concat(response.Content.Headers)
            .Where(header => !PerRequest.Contains(header.Key))
            .Select(header => $"{header.Key.ToLowerInvariant()}: {string.Join(",", header.Value)}")
            .Order(StringComparer.Ordinal)];
}
