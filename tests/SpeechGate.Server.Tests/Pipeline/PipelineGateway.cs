using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Caching;
using SpeechGate.Server.Hosting;
using SpeechGate.Server.Tests.Fakes;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Pipeline;

/// <summary>
/// The real gateway (every pipeline stage, real SQLite and file cache in a temporary data directory) in front of the
/// fake ElevenLabs server, both on 127.0.0.1.
/// </summary>
internal sealed class PipelineGateway : IAsyncDisposable
{
    private PipelineGateway(FakeElevenLabsServer upstream, TestGateway gateway)
    {
        Upstream = upstream;
        Gateway = gateway;
    }

    public FakeElevenLabsServer Upstream { get; }

    public TestGateway Gateway { get; }

    public HttpClient Client => Gateway.Client;

    /// <summary>Every text-to-speech call the fake saw.</summary>
    public IReadOnlyList<FakeElevenLabsRequest> UpstreamTts => [.. Upstream.Requests.Where(r => r.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal))];

    /// <summary>Text-to-speech calls the fake answered with audio.</summary>
    public int UpstreamTtsCalls => UpstreamTts.Count(r => r.StatusCode == 200);

    public static async Task<PipelineGateway> StartAsync(
        IDictionary<string, string?>? settings = null, Action<GatewayHostOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var upstream = await FakeElevenLabsServer.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Providers:ElevenLabs:ApiKey"] = upstream.ApiKey,
            ["Providers:ElevenLabs:BaseUrl"] = upstream.BaseAddress.ToString(),
            ["Providers:ElevenLabs:MaxRetries"] = "0",
            ["Providers:ElevenLabs:Tier"] = "pro",
            ["Providers:ElevenLabs:RetryDelay"] = TimeSpan.FromMilliseconds(1).ToString("c", CultureInfo.InvariantCulture),
            ["VoiceHealth:Interval"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var gateway = await TestGateway.StartAsync(options =>
        {
            options.Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
            configure?.Invoke(options);
        }, services);
        return new PipelineGateway(upstream, gateway);
    }

    public Task<HttpResponseMessage> SayAsync(string text, string voiceId = FakeVoiceCatalog.Rachel, string route = "/stream")
        => Client.PostAsJsonAsync($"/v1/text-to-speech/{voiceId}{route}", new { text, model_id = "eleven_flash_v2_5" });

    public static HttpRequestMessage Post(string path, string json, params (string Name, string Value)[] headers)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    /// <summary>The cache stores a clip just after its last byte is delivered: wait (bounded) until it holds <paramref name="entries"/>.</summary>
    public async Task WaitForEntriesAsync(long entries)
    {
        var cache = Gateway.App.Services.GetRequiredService<FileSpeechCache>();
        for (var attempt = 0; attempt < 500 && (await cache.GetStatsAsync()).Entries < entries; attempt++)
        {
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}
