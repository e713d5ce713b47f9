using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Server.HotHits;
using SpeechGate.Server.Tests.Endpoints;

namespace SpeechGate.Server.Tests.Pipeline;

/// <summary>Requests the hot path must leave to the full path.</summary>
public sealed partial class HotHitTests
{
    [Fact]
    public async Task ClipNotInMemory_IsAFullPathHitFromDisk()
    {
        await using var hot = await HotGateway.StartAsync(settings: new Dictionary<string, string?> { ["Cache:MemoryMaxBytes"] = "0" });
        await hot.WarmAsync(AudioPath, Json);

        var (third, _) = await hot.SendAsync(AudioPath, Json);

        Assert.Equal("hit", TextToSpeechEndpointsTests.Header(third, "x-speechgate-cache"));
        Assert.Equal(0, hot.Index.Served);
        Assert.Equal(1, hot.Pipeline.UpstreamTtsCalls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TurnedOff_EveryRequestTakesTheFullPath(bool byConfiguration)
    {
        await using var hot = byConfiguration
            ? await HotGateway.StartAsync(settings: new Dictionary<string, string?> { ["Gateway:HotHits"] = "false" })
            : await HotGateway.StartAsync(options => options.HotHits = false);
        await hot.WarmAsync(AudioPath, Json);

        var (third, _) = await hot.SendAsync(AudioPath, Json);

        Assert.Equal("hit", TextToSpeechEndpointsTests.Header(third, "x-speechgate-cache"));
        Assert.Equal((0, 0L), (hot.Index.Count, hot.Index.Served));
    }

    [Fact]
    public async Task WithTimestamps_IsNeverRemembered()
    {
        await using var hot = await HotGateway.StartAsync();
        var path = AudioPath + "/with-timestamps";
        await hot.WarmAsync(path, Json);

        var (third, body) = await hot.SendAsync(path, Json);

        Assert.Equal("hit", TextToSpeechEndpointsTests.Header(third, "x-speechgate-cache"));
        Assert.StartsWith("application/json", third.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.True(body.AsSpan().IndexOf("\"alignment\""u8) >= 0);
        Assert.Equal((0, 0L), (hot.Index.Count, hot.Index.Served));
    }

    [Fact]
    public async Task KeylessLocalUse_TakesTheFullPath()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        var post = () => pipeline.Client.SendAsync(PipelineGateway.Post(AudioPath, Json));
        (await post()).Dispose();
        await pipeline.WaitForEntriesAsync(1);
        (await post()).Dispose();

        using var third = await post();

        Assert.Equal("hit", TextToSpeechEndpointsTests.Header(third, "x-speechgate-cache"));
        Assert.Equal(0, pipeline.Gateway.App.Services.GetRequiredService<HotHitIndex>().Served);
    }

    [Fact]
    public async Task CorsRequest_TakesTheFullPathForItsCorsHeaders()
    {
        await using var hot = await HotGateway.StartAsync();
        await hot.WarmAsync(AudioPath, Json);

        var (third, _) = await hot.SendAsync(AudioPath, Json, headers: ("Origin", "https://studio.example"));

        Assert.Equal("hit", TextToSpeechEndpointsTests.Header(third, "x-speechgate-cache"));
        Assert.Equal(0, hot.Index.Served);
        Assert.Equal(1, hot.Pipeline.UpstreamTtsCalls);
    }
}
