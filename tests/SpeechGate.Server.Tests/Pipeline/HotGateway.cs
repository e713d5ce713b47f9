using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Hosting;
using SpeechGate.Server.HotHits;

namespace SpeechGate.Server.Tests.Pipeline;

/// <summary>The real gateway in front of the fake ElevenLabs server, with a gateway key (the hot path needs one).</summary>
internal sealed class HotGateway : IAsyncDisposable
{
    private HotGateway(PipelineGateway pipeline, CreatedGatewayKey key)
    {
        Pipeline = pipeline;
        Key = key;
    }

    public PipelineGateway Pipeline { get; }

    public CreatedGatewayKey Key { get; }

    public HotHitIndex Index => Pipeline.Gateway.App.Services.GetRequiredService<HotHitIndex>();

    public static async Task<HotGateway> StartAsync(Action<GatewayHostOptions>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var pipeline = await PipelineGateway.StartAsync(settings, configure);
        var key = await pipeline.Gateway.Keys.CreateAsync("hot");
        return new HotGateway(pipeline, key);
    }

    /// <summary>Sends with this gateway's key unless <paramref name="key"/> names another; returns the response and its body.</summary>
    public async Task<(HttpResponseMessage Response, byte[] Body)> SendAsync(string path, string json, string? key = null, params (string Name, string Value)[] headers)
    {
        var response = await Pipeline.Client.SendAsync(PipelineGateway.Post(path, json, [("xi-api-key", key ?? Key.Secret), .. headers]));
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The paid miss, stored; then the full-path hit that teaches the hot path.</summary>
    public async Task WarmAsync(string path, string json)
    {
        await SendAsync(path, json);
        await Pipeline.WaitForEntriesAsync(1);
        await SendAsync(path, json);
    }

    public ValueTask DisposeAsync() => Pipeline.DisposeAsync();
}
