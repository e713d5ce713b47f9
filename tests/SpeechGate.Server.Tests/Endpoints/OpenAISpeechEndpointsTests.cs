using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SpeechGate.Server.Tests.Fakes;
using SpeechGate.Server.Tests.Providers;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Endpoints;

public sealed class OpenAISpeechEndpointsTests
{
    [Theory]
    [InlineData("mp3", "mp3_44100_128", "audio/mpeg")]
    [InlineData("opus", "opus_48000_64", "audio/ogg")]
    [InlineData("wav", "wav_24000", "audio/wav")]
    [InlineData("pcm", "pcm_24000", "audio/pcm")]
    [InlineData("flac", "pcm_24000", "audio/flac")]
    public async Task Speech_ResponseFormat_MapsToTheNearestOutputFormat(string responseFormat, string outputFormat, string mediaType)
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await gateway.Client.PostAsJsonAsync("/v1/audio/speech", new { model = "tts-1", input = "Hello", voice = "voice2", response_format = responseFormat, speed = 1.1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var request = Assert.Single(gateway.Synthesizer.Requests);
        Assert.Equal((outputFormat, "voice2", "eleven_flash_v2_5", 1.1), (request.Format.Name, request.VoiceId, request.ModelId, request.VoiceSettings?.Speed));
    }

    [Fact]
    public async Task Speech_Flac_IsARealFlacStreamNotTheProvidersBytes()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await gateway.Client.PostAsJsonAsync("/v1/audio/speech", new { model = "tts-1", input = "Hello", voice = "voice1", response_format = "flac" });
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("fLaC", Encoding.ASCII.GetString(bytes, 0, 4));
    }

    [Fact]
    public async Task Speech_Aac_Is400UnsupportedAndNothingIsSynthesised()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await gateway.Client.PostAsJsonAsync("/v1/audio/speech", new { model = "tts-1", input = "Hello", voice = "voice1", response_format = "aac" });

        await AssertErrorAsync(response, 400, "unsupported_value", "response_format");
        Assert.Equal(0, gateway.Synthesizer.Calls);
    }

    [Fact]
    public async Task Speech_StockVoiceName_UsesTheProvidersFirstVoice()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await gateway.Client.PostAsJsonAsync("/v1/audio/speech", new { model = "tts-1-hd", input = "Hello", voice = "alloy" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestGateway.VoiceId, Assert.Single(gateway.Synthesizer.Requests).VoiceId);
    }

    [Fact]
    public async Task Speech_VoiceObjectForm_UsesItsId()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await gateway.Client.PostAsJsonAsync("/v1/audio/speech", new { model = "tts-1", input = "Hello", voice = new { id = "voice2" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("voice2", Assert.Single(gateway.Synthesizer.Requests).VoiceId);
    }

    [Theory]
    [InlineData("""{"model":"tts-1","input":"hi","voice":"alloy","response_format":"ogg"}""", "response_format", "invalid_value")]
    [InlineData("""{"model":"tts-1","input":"hi","voice":"alloy","speed":9}""", "speed", "invalid_value")]
    [InlineData("""{"model":"tts-1","input":"hi","voice":"alloy","speed":"fast"}""", "speed", "invalid_value")]
    [InlineData("""{"model":"tts-1","voice":"alloy"}""", "input", "missing_required_parameter")]
    [InlineData("""{"model":"tts-1","input":"hi"}""", "voice", "missing_required_parameter")]
    [InlineData("""{"model":"tts-1","input":"hi","voice":"../x"}""", "voice", "invalid_value")]
    [InlineData("""{"model":"tts-1","input":"hi","voice":{"name":"x"}}""", "voice", "invalid_value")]
    [InlineData("""{"model":"tts-1","input":"hi","voice":"alloy","stream_format":"ws"}""", "stream_format", "invalid_value")]
    public async Task Speech_InvalidBody_Answers400InOpenAIsShape(string body, string param, string code)
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await TextToSpeechEndpointsTests.PostAsync(gateway, "/v1/audio/speech", body);

        await AssertErrorAsync(response, 400, code, param);
    }

    [Fact]
    public async Task Speech_BrokenJson_Answers400WithAMessage()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await TextToSpeechEndpointsTests.PostAsync(gateway, "/v1/audio/speech", "{\"model\":");

        Assert.Equal(400, (int)response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_request_error", json.RootElement.GetProperty("error").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("tts-9")]
    [InlineData("eleven_nope")]
    public async Task Speech_UnknownModel_Is404ModelNotFound(string model)
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await gateway.Client.PostAsJsonAsync("/v1/audio/speech", new { model, input = "Hello", voice = "voice1" });

        await AssertErrorAsync(response, 404, "model_not_found", "model");
        Assert.Equal(0, gateway.Synthesizer.Calls);
    }

    [Fact]
    public async Task Speech_UnknownModelWithElevenLabsProvider_Is404ModelNotFoundWithoutUpstream()
    {
        await using var upstream = await FakeElevenLabsServer.StartAsync();
        await using var gateway = await ElevenLabsGatewayTests.StartAsync(upstream);

        using var response = await gateway.Client.PostAsJsonAsync("/v1/audio/speech", new { model = "tts-9", input = "Hello", voice = FakeVoiceCatalog.Rachel });

        await AssertErrorAsync(response, 404, "model_not_found", "model");
        Assert.Equal(0, upstream.BilledCharacters);
    }

    [Fact]
    public async Task Speech_SpeedOnElevenLabsProvider_IsKeptInItsDocumentedRangeAndReported()
    {
        await using var upstream = await FakeElevenLabsServer.StartAsync();
        await using var gateway = await ElevenLabsGatewayTests.StartAsync(upstream);

        using var response = await gateway.Client.PostAsJsonAsync("/v1/audio/speech", new { model = "tts-1", input = "Hello", voice = FakeVoiceCatalog.Rachel, speed = 3.0 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1.2", TextToSpeechEndpointsTests.Header(response, "x-speechgate-speed"));
    }

    [Theory]
    [InlineData(3.0, "3")]
    [InlineData(4.0, "4")]
    [InlineData(0.25, "0.25")]
    public async Task Speech_SpeedOnLocalProvider_AppliesTheEnginesRangeAndReportsIt(double speed, string applied)
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await gateway.Client.PostAsJsonAsync("/v1/audio/speech", new { model = "tts-1", input = "Hello", voice = "voice1", speed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(applied, TextToSpeechEndpointsTests.Header(response, "x-speechgate-speed"));
        Assert.Equal(double.Parse(applied, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(gateway.Synthesizer.Requests).VoiceSettings!.Speed!.Value, 3);
    }

    [Fact]
    public async Task Speech_StreamFormatSse_SendsDeltaEventsThenDone()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await gateway.Client.PostAsJsonAsync("/v1/audio/speech", new { model = "gpt-4o-mini-tts", input = "Hello", voice = "voice1", response_format = "pcm", stream_format = "sse" });
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => JsonDocument.Parse(block["data: ".Length..]).RootElement.Clone()).ToList();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("speech.audio.done", events[^1].GetProperty("type").GetString());
        Assert.Equal(0, events[^1].GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.All(events[..^1], e => Assert.Equal("speech.audio.delta", e.GetProperty("type").GetString()));
        var audio = events[..^1].SelectMany(e => Convert.FromBase64String(e.GetProperty("audio").GetString()!)).ToArray();
        Assert.Equal(Testing.FakeSpeechSynthesizer.ExpectedBytes(Assert.Single(gateway.Synthesizer.Requests)), audio);
    }

    [Fact]
    public async Task Speech_KeysExist_NeedsBearerKeyAndAnswers401InOpenAIsShape()
    {
        await using var gateway = await TestGateway.StartAsync();
        var key = await gateway.Keys.CreateAsync("openai");

        using var anonymous = await gateway.Client.PostAsJsonAsync("/v1/audio/speech", new { model = "tts-1", input = "Hello", voice = "voice1" });
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/v1/audio/speech") { Content = JsonContent.Create(new { model = "tts-1", input = "Hello", voice = "voice1" }) };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-wrong");
        using var rejected = await gateway.Client.SendAsync(wrong);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/audio/speech") { Content = JsonContent.Create(new { model = "tts-1", input = "Hello", voice = "voice1" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        using var authorized = await gateway.Client.SendAsync(request);

        await AssertErrorAsync(anonymous, 401, "needs_authorization", null);
        await AssertErrorAsync(rejected, 401, "invalid_api_key", null);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
    }

    [Fact]
    public async Task Speech_UnknownVoice_Is404InOpenAIsShape()
    {
        await using var gateway = await LocalEngineGateway.StartAsync();
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };

        using var response = await client.PostAsJsonAsync("/v1/audio/speech", new { model = "tts-1", input = "Hello", voice = "NoSuchVoice000000000" });

        await AssertErrorAsync(response, 404, "voice_not_found", "voice_id");
    }

    internal static async Task AssertErrorAsync(HttpResponseMessage response, int status, string code, string? param)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, body);
        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("type").GetString()));
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.False(json.RootElement.TryGetProperty("detail", out _));
    }
}
