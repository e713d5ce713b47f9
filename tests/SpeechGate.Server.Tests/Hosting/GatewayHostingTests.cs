using System.Net;
using System.Net.Http.Json;
using SpeechGate.Server.Tests.Endpoints;
using SpeechGate.Server.Tests.Fakes;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Tests.Hosting;

public sealed class GatewayHostingTests
{
    [Fact]
    public async Task Preflight_FromABrowser_AllowsTheFernHeaders()
    {
        await using var gateway = await TestGateway.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v1/text-to-speech/voice1");
        request.Headers.Add("Origin", "https://app.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "xi-api-key,content-type,x-fern-language,x-fern-sdk-name,x-fern-sdk-version");

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", TextToSpeechEndpointsTests.Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("x-fern-sdk-name", TextToSpeechEndpointsTests.Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("600", TextToSpeechEndpointsTests.Header(response, "Access-Control-Max-Age"));
    }

    [Fact]
    public async Task RateLimit_KeyOverItsPermits_Answers429SystemBusy()
    {
        await using var gateway = await TestGateway.StartAsync(options => { options.RateLimitPermits = 2; options.RateLimitWindow = TimeSpan.FromHours(1); });

        using var first = await gateway.Client.GetAsync("/v1/models");
        using var second = await gateway.Client.GetAsync("/v1/models");
        using var third = await gateway.Client.GetAsync("/v1/models");
        using var health = await gateway.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await MalformedInputTests.AssertDetailAsync(third, 429, "system_busy");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Shutdown_WhileStreaming_FinishesTheInFlightStream()
    {
        var gateway = await TestGateway.StartAsync();
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        gateway.Synthesizer.OnSynthesize = (_, _) => Task.FromResult(new SpeechAudio("audio/mpeg", Gated(started, release.Task)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/text-to-speech/voice1/stream") { Content = JsonContent.Create(new { text = "Hello" }) };
        using var response = await gateway.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await started.Task;

        var stopping = gateway.App.StopAsync();
        release.SetResult();
        var body = await response.Content.ReadAsByteArrayAsync();
        await stopping;

        Assert.Equal(new byte[] { 1, 2 }, body);
        await gateway.DisposeAsync();
    }

    private static async IAsyncEnumerable<AudioChunk> Gated(TaskCompletionSource started, Task release)
    {
        await Task.Yield();
        yield return new AudioChunk(new byte[] { 1 });
        started.SetResult();
        await release;
        yield return new AudioChunk(new byte[] { 2 });
    }
}
