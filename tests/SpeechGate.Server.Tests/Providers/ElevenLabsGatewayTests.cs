using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using SpeechGate.Server.Tests.Endpoints;
using SpeechGate.Server.Tests.Fakes;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Providers;

/// <summary>The gateway in front of the fake ElevenLabs server: the provider is picked because a key is configured.</summary>
public sealed class ElevenLabsGatewayTests
{
    [Fact]
    public async Task Convert_WithAnElevenLabsKey_ProxiesAudioAndUpstreamHeaders()
    {
        await using var upstream = await FakeElevenLabsServer.StartAsync();
        await using var gateway = await StartAsync(upstream);

        using var response = await gateway.Client.PostAsJsonAsync($"/v1/text-to-speech/{FakeVoiceCatalog.Rachel}/stream", new { text = "Hello from upstream", model_id = "eleven_flash_v2_5" });
        var audio = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(audio);
        Assert.Equal(0, gateway.Synthesizer.Calls);
        Assert.Equal(upstream.BilledCharacters.ToString(System.Globalization.CultureInfo.InvariantCulture), TextToSpeechEndpointsTests.Header(response, "character-cost"));
        Assert.False(string.IsNullOrEmpty(TextToSpeechEndpointsTests.Header(response, "request-id")));
    }

    [Theory]
    [InlineData("/with-timestamps")]
    [InlineData("/stream/with-timestamps")]
    public async Task Timestamps_WithAnElevenLabsKey_CarryUpstreamAlignment(string route)
    {
        await using var upstream = await FakeElevenLabsServer.StartAsync();
        await using var gateway = await StartAsync(upstream);

        using var response = await gateway.Client.PostAsJsonAsync($"/v1/text-to-speech/{FakeVoiceCatalog.Rachel}{route}", new { text = "Aligned words" });
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var characters = lines.Sum(line =>
        {
            using var json = JsonDocument.Parse(line);
            Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("audio_base64").GetString()));
            var alignment = json.RootElement.GetProperty("alignment");
            return alignment.ValueKind == JsonValueKind.Object ? alignment.GetProperty("characters").GetArrayLength() : 0;
        });
        Assert.Equal("Aligned words".Length, characters);
    }

    [Fact]
    public async Task CatalogRoutes_WithAnElevenLabsKey_AnswerFromUpstreamAndNeverLeakItsKey()
    {
        await using var upstream = await FakeElevenLabsServer.StartAsync();
        await using var gateway = await StartAsync(upstream);

        foreach (var path in new[] { "/v1/voices", "/v2/voices", $"/v1/voices/{FakeVoiceCatalog.George}", "/v1/models", "/v1/user", "/v1/user/subscription" })
        {
            using var response = await gateway.Client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(upstream.ApiKey, body, StringComparison.Ordinal);
            Assert.DoesNotContain(upstream.ApiKey[..10], body, StringComparison.Ordinal);
            Assert.DoesNotContain(upstream.ApiKey, string.Join(' ', response.Headers.SelectMany(h => h.Value)), StringComparison.Ordinal);
        }

        using var voices = JsonDocument.Parse(await gateway.Client.GetStringAsync("/v1/voices"));
        Assert.Contains(voices.RootElement.GetProperty("voices").EnumerateArray(), v => v.GetProperty("voice_id").GetString() == FakeVoiceCatalog.Rachel);
    }

    [Fact]
    public async Task Convert_UpstreamVoiceMissing_Answers404InElevenLabsShape()
    {
        await using var upstream = await FakeElevenLabsServer.StartAsync();
        await using var gateway = await StartAsync(upstream);

        using var response = await gateway.Client.PostAsJsonAsync("/v1/text-to-speech/doesNotExist123", new { text = "Hello" });

        await MalformedInputTests.AssertDetailAsync(response, 404, "voice_not_found");
    }

    internal static Task<TestGateway> StartAsync(FakeElevenLabsServer upstream) => TestGateway.StartAsync(options => options.Configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Providers:ElevenLabs:ApiKey"] = upstream.ApiKey,
            ["Providers:ElevenLabs:BaseUrl"] = upstream.BaseAddress.ToString(),
            ["Providers:ElevenLabs:MaxRetries"] = "0",
            ["VoiceHealth:Interval"] = "0",
        })
        .Build());
}
