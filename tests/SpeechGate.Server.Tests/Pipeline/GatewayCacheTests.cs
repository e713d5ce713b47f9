using System.Net;
using SpeechGate.Server.Tests.Endpoints;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Pipeline;

/// <summary>Issue 5 over real HTTP: the gateway's cache stage in front of the fake ElevenLabs server.</summary>
public sealed class GatewayCacheTests
{
    private const string Path = $"/v1/text-to-speech/{FakeVoiceCatalog.Rachel}/stream";

    [Fact]
    public async Task SameRequestTwice_SecondIsAFreeHitWithTheSameBytesAndIds()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        const string json = """{"text":"Cache me once","model_id":"eleven_flash_v2_5"}""";

        using var first = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, json));
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        await pipeline.WaitForEntriesAsync(1);
        using var second = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, json));
        var secondBytes = await second.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, pipeline.UpstreamTtsCalls);
        Assert.Equal("miss", TextToSpeechEndpointsTests.Header(first, "x-speechgate-cache"));
        Assert.Equal("hit", TextToSpeechEndpointsTests.Header(second, "x-speechgate-cache"));
        Assert.Equal("0", TextToSpeechEndpointsTests.Header(second, "character-cost"));
        Assert.Equal("0", TextToSpeechEndpointsTests.Header(second, "x-speechgate-credits"));
        Assert.Equal(firstBytes, secondBytes);
        Assert.Equal(TextToSpeechEndpointsTests.Header(first, "request-id"), TextToSpeechEndpointsTests.Header(second, "request-id"));
        Assert.Equal(TextToSpeechEndpointsTests.Header(first, "history-item-id"), TextToSpeechEndpointsTests.Header(second, "history-item-id"));
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.NotNull(second.Headers.ETag);
        Assert.Contains("immutable", second.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        // The hit's ledger row is written behind the response; the ledger route flushes before it sums.
        using var ledger = System.Text.Json.JsonDocument.Parse(await pipeline.Client.GetStringAsync("/v1/speechgate/ledger"));
        var total = ledger.RootElement.GetProperty("totals")[0];
        Assert.Equal((2, 1), (total.GetProperty("requests").GetInt64(), total.GetProperty("cache_hits").GetInt64()));
        Assert.True(total.GetProperty("saved_credits").GetInt64() > 0);
    }

    [Theory]
    [InlineData("""{"model_id":"eleven_flash_v2_5","text":"Order does not matter"}""")]
    [InlineData("""{"text":"Order does not matter","model_id":"eleven_flash_v2_5","voice_settings":{"stability":0.5,"similarity_boost":0.75,"style":0,"use_speaker_boost":true,"speed":1.0}}""")]
    public async Task EquivalentJson_IsAHit(string equivalent)
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        using var first = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, """{"text":"Order does not matter","model_id":"eleven_flash_v2_5"}"""));
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        await pipeline.WaitForEntriesAsync(1);

        using var second = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, equivalent));

        Assert.Equal("hit", TextToSpeechEndpointsTests.Header(second, "x-speechgate-cache"));
        Assert.Equal(firstBytes, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, pipeline.UpstreamTtsCalls);
    }

    [Fact]
    public async Task HundredConcurrentIdenticalRequests_OneUpstreamCallAndIdenticalBodies()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        pipeline.Upstream.Behavior.FirstByteDelay = TimeSpan.FromMilliseconds(200);
        const string json = """{"text":"Everyone at once","model_id":"eleven_flash_v2_5"}""";

        var bodies = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var response = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, json));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsByteArrayAsync();
        }));

        Assert.Equal(1, pipeline.UpstreamTtsCalls);
        Assert.NotEmpty(bodies[0]);
        Assert.All(bodies, body => Assert.Equal(bodies[0], body));
    }

    [Fact]
    public async Task ClientDisconnectsMidStream_PaidAudioIsStillCachedAndTheRetryIsAHit()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        pipeline.Upstream.Behavior.FirstByteDelay = TimeSpan.FromMilliseconds(50);
        pipeline.Upstream.Behavior.ChunkInterval = TimeSpan.FromMilliseconds(30);
        pipeline.Upstream.Behavior.ChunkSize = 1024;
        const string json = """{"text":"A long sentence the caller will not wait for, but which was paid for anyway.","model_id":"eleven_flash_v2_5"}""";

        using (var response = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, json), HttpCompletionOption.ResponseHeadersRead))
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[512];
            Assert.True(await body.ReadAsync(buffer) > 0);
        }

        await pipeline.WaitForEntriesAsync(1);
        using var retry = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, json));

        Assert.Equal("hit", TextToSpeechEndpointsTests.Header(retry, "x-speechgate-cache"));
        Assert.Equal(1, pipeline.UpstreamTtsCalls);
        Assert.Equal(pipeline.UpstreamTts.Single().AudioBytesSent, (await retry.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task UpstreamResetMidStreamWithZeroRetention_NothingStoredAndTheRetryRefetches()
    {
        // With enable_logging=false upstream keeps no History, so the broken clip cannot be recovered (see PaidBodyFaultTests).
        await using var pipeline = await PipelineGateway.StartAsync();
        pipeline.Upstream.Behavior.ChunkSize = 1024;
        pipeline.Upstream.Enqueue(FakeFault.ResetAfterBytes(2048));
        const string Path = GatewayCacheTests.Path + "?enable_logging=false";
        const string json = """{"text":"This upstream response will be cut off halfway through the audio stream.","model_id":"eleven_flash_v2_5"}""";

        bool broken;
        try
        {
            // Either a clear error status before any byte, or a truncated (aborted) body: never a clean 200.
            using var response = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, json));
            _ = await response.Content.ReadAsByteArrayAsync();
            broken = response.StatusCode != HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            broken = true;
        }

        using var retry = await pipeline.Client.SendAsync(PipelineGateway.Post(Path, json));
        var audio = await retry.Content.ReadAsByteArrayAsync();

        Assert.True(broken);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("miss", TextToSpeechEndpointsTests.Header(retry, "x-speechgate-cache"));
        Assert.Equal(2, pipeline.UpstreamTts.Count);
        Assert.NotEmpty(audio);
    }
}
