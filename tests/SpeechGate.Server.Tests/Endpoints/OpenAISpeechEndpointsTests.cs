using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SpeechGate.Server.Tests.Fakes;

namespace SpeechGate.Server.Tests.Endpoints;

public sealed class OpenAISpeechEndpointsTests
{
    [Theory]
    [InlineData("mp3", "mp3_44100_128", "audio/mpeg")]
    [InlineData("opus", "opus_48000_64", "audio/ogg")]
    [InlineData("aac", "mp3_44100_128", "audio/mpeg")]
    [InlineData("flac", "wav_24000", "audio/wav")]
    [InlineData("wav", "wav_24000", "audio/wav")]
    [InlineData("pcm", "pcm_24000", "audio/pcm")]
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
    public async Task Speech_StockVoiceName_UsesTheProvidersFirstVoice()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await gateway.Client.PostAsJsonAsync("/v1/audio/speech", new { model = "tts-1-hd", input = "Hello", voice = "alloy" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestGateway.VoiceId, Assert.Single(gateway.Synthesizer.Requests).VoiceId);
    }

    [Theory]
    [InlineData("""{"model":"tts-1","input":"hi","voice":"alloy","response_format":"ogg"}""", "body.response_format")]
    [InlineData("""{"model":"tts-1","input":"hi","voice":"alloy","speed":9}""", "body.speed")]
    [InlineData("""{"model":"tts-1","voice":"alloy"}""", "body.input")]
    [InlineData("""{"model":"tts-1","input":"hi","voice":"../x"}""", "path.voice_id")]
    public async Task Speech_InvalidBody_Answers422InTheGatewayShape(string body, string loc)
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await TextToSpeechEndpointsTests.PostAsync(gateway, "/v1/audio/speech", body);

        Assert.Equal(422, (int)response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(loc, string.Join('.', json.RootElement.GetProperty("detail")[0].GetProperty("loc").EnumerateArray().Select(p => p.ToString())));
    }

    [Fact]
    public async Task Speech_KeysExist_NeedsBearerKey()
    {
        await using var gateway = await TestGateway.StartAsync();
        var key = await gateway.Keys.CreateAsync("openai");

        using var anonymous = await gateway.Client.PostAsJsonAsync("/v1/audio/speech", new { model = "tts-1", input = "Hello", voice = "voice1" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/audio/speech") { Content = JsonContent.Create(new { model = "tts-1", input = "Hello", voice = "voice1" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        using var authorized = await gateway.Client.SendAsync(request);

        await MalformedInputTests.AssertDetailAsync(anonymous, 401, "needs_authorization");
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
    }
}
