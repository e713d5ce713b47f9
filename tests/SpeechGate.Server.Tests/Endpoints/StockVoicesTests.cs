using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SpeechGate.Providers.Local;
using SpeechGate.Server.Tests.Fakes;

namespace SpeechGate.Server.Tests.Endpoints;

/// <summary>ElevenLabs' premade voice ids and names speak on the local engine, and say which eSpeak NG voice stood in.</summary>
public sealed class StockVoicesTests
{
    [Theory]
    [InlineData("JBFqnCBsd6RMkjVDRZzb", "gmw/en-GB-x-rp+m3")]
    [InlineData("21m00Tcm4TlvDq8ikWAM", "gmw/en-US+f3")]
    [InlineData("Sarah", "gmw/en-US+f2")]
    [InlineData("bella", "gmw/en-US+f2")]
    public async Task TextToSpeech_PremadeVoiceOnLocalEngine_SpeaksWithTheStandInNamedInAHeader(string voice, string engineVoice)
    {
        await using var gateway = await LocalEngineGateway.StartAsync();
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };

        using var response = await client.PostAsJsonAsync($"/v1/text-to-speech/{voice}?output_format=pcm_16000", new { text = "The first move is what sets everything in motion.", model_id = "eleven_multilingual_v2" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(engineVoice, response.Headers.GetValues("x-speechgate-local-voice").Single());
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 16_000, "expected over half a second of 16 kHz PCM");
    }

    [Fact]
    public async Task TextToSpeech_DifferentPremadeVoices_SoundDifferent()
    {
        await using var gateway = await LocalEngineGateway.StartAsync();
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };

        var george = await SpeakAsync(client, "JBFqnCBsd6RMkjVDRZzb");
        var rachel = await SpeakAsync(client, "21m00Tcm4TlvDq8ikWAM");

        Assert.NotEqual(george, rachel);
    }

    [Fact]
    public async Task Voices_PremadeId_IsListedAndDescribedAsAStandIn()
    {
        await using var gateway = await LocalEngineGateway.StartAsync();
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };

        using var voice = JsonDocument.Parse(await client.GetStringAsync("/v1/voices/JBFqnCBsd6RMkjVDRZzb"));
        using var list = JsonDocument.Parse(await client.GetStringAsync("/v1/voices"));

        Assert.Equal("George", voice.RootElement.GetProperty("name").GetString());
        Assert.Equal("premade", voice.RootElement.GetProperty("category").GetString());
        Assert.Contains("gmw/en-GB-x-rp+m3", voice.RootElement.GetProperty("description").GetString(), StringComparison.Ordinal);
        var ids = list.RootElement.GetProperty("voices").EnumerateArray().Select(v => v.GetProperty("voice_id").GetString()).ToList();
        Assert.Contains("21m00Tcm4TlvDq8ikWAM", ids);
        Assert.True(ids.IndexOf("21m00Tcm4TlvDq8ikWAM") > ids.IndexOf(LocalVoices.DefaultVoiceId), "stand-ins come after the engine's own voices");
    }

    [Fact]
    public async Task TextToSpeech_UnknownModelOnLocalEngine_Is400ModelNotFound()
    {
        await using var gateway = await LocalEngineGateway.StartAsync();
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };

        using var response = await client.PostAsJsonAsync("/v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb", new { text = "Hello.", model_id = "eleven_nope" });

        await MalformedInputTests.AssertDetailAsync(response, 400, "model_not_found");
    }

    private static async Task<byte[]> SpeakAsync(HttpClient client, string voice)
    {
        using var response = await client.PostAsJsonAsync($"/v1/text-to-speech/{voice}?output_format=pcm_16000", new { text = "Hold on, let me check that for you." });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}
