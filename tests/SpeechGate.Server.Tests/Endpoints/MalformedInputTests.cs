using System.Text;
using System.Text.Json;
using SpeechGate.Server.Tests.Fakes;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Tests.Endpoints;

/// <summary>Bad input gets the right 4xx in ElevenLabs' shape, never a 5xx.</summary>
public sealed class MalformedInputTests : IAsyncLifetime
{
    private TestGateway _gateway = null!;

    public static TheoryData<string, string, string, int, string> ValidationCases => new()
    {
        // path, content type, body, expected status, expected loc (joined with '.') or status string
        { "/v1/text-to-speech/voice1", "application/json", "{\"text\": ", 422, "body.9" },
        { "/v1/text-to-speech/voice1", "application/json", "not json", 422, "body.1" },
        { "/v1/text-to-speech/voice1", "application/json", "[1,2]", 422, "body" },
        { "/v1/text-to-speech/voice1", "application/json", "null", 422, "body" },
        { "/v1/text-to-speech/voice1", "application/json", "{}", 422, "body.text" },
        { "/v1/text-to-speech/voice1", "application/json", "{\"text\": 42}", 422, "body.text" },
        { "/v1/text-to-speech/voice1", "application/json", "{\"text\": \"hi\", \"seed\": \"x\"}", 422, "body.seed" },
        { "/v1/text-to-speech/voice1", "application/json", "{\"text\": \"hi\", \"seed\": -1}", 422, "body.seed" },
        { "/v1/text-to-speech/voice1", "application/json", "{\"text\": \"hi\", \"voice_settings\": {\"stability\": 2}}", 422, "body.voice_settings.stability" },
        { "/v1/text-to-speech/voice1", "application/json", "{\"text\": \"hi\", \"voice_settings\": {\"stability\": \"high\"}}", 422, "body.voice_settings.stability" },
        { "/v1/text-to-speech/voice1", "application/json", "{\"text\": \"hi\", \"voice_settings\": 3}", 422, "body.voice_settings" },
        { "/v1/text-to-speech/voice1", "application/json", "{\"text\": \"hi\", \"previous_request_ids\": [\"a\",\"b\",\"c\",\"d\"]}", 422, "body.previous_request_ids" },
        { "/v1/text-to-speech/voice1", "application/json", "{\"text\": \"hi\", \"next_request_ids\": [1]}", 422, "body.next_request_ids.0" },
        { "/v1/text-to-speech/voice1", "application/json", "{\"text\": \"hi\", \"apply_text_normalization\": \"maybe\"}", 422, "body.apply_text_normalization" },
        { "/v1/text-to-speech/voice1", "text/plain", "{\"text\": \"hi\"}", 422, "body" },
        { "/v1/text-to-speech/voice1?output_format=mp3_1_2", "application/json", "{\"text\": \"hi\"}", 422, "query.output_format" },
        { "/v1/text-to-speech/voice1/stream?output_format=wav_16000", "application/json", "{\"text\": \"hi\"}", 422, "query.output_format" },
        { "/v1/text-to-speech/voice1?optimize_streaming_latency=9", "application/json", "{\"text\": \"hi\"}", 422, "query.optimize_streaming_latency" },
        { "/v1/text-to-speech/voice1?enable_logging=perhaps", "application/json", "{\"text\": \"hi\"}", 422, "query.enable_logging" },
        { "/v1/text-to-speech/..%2F..%2Fetc%2Fpasswd", "application/json", "{\"text\": \"hi\"}", 422, "path.voice_id" },
        { "/v1/text-to-speech/..%5Cwindows", "application/json", "{\"text\": \"hi\"}", 422, "path.voice_id" },
    };

    public async Task InitializeAsync() => _gateway = await TestGateway.StartAsync(options => options.MaxRequestBodyBytes = 64 * 1024);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [MemberData(nameof(ValidationCases))]
    public async Task Post_MalformedInput_Answers422WithTheFieldLocation(string path, string contentType, string body, int status, string loc)
    {
        using var response = await _gateway.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(status, (int)response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var first = json.RootElement.GetProperty("detail")[0];
        Assert.Equal(loc, string.Join('.', first.GetProperty("loc").EnumerateArray().Select(part => part.ToString())));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("msg").GetString()));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("type").GetString()));
        Assert.Equal(0, _gateway.Synthesizer.Calls);
    }

    [Theory]
    [InlineData("/v1/text-to-speech/%2E%2E")]
    [InlineData("/v1/text-to-speech/../../v1/models")]
    [InlineData("/v1/text-to-speech/voice%00id")]
    [InlineData("/v1/text-to-speech/voice%0Aid/stream")]
    [InlineData("/v1/text-to-speech/%2e%2e%2fadmin/stream")]
    public async Task Post_PathTrickInVoiceId_Answers4xxInDetailShapeWithoutSynthesis(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_gateway.BaseAddress.GetLeftPart(UriPartial.Authority) + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }))
        {
            Content = new StringContent("{\"text\": \"hi\"}", Encoding.UTF8, "application/json"),
        };

        using var response = await _gateway.Client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length > 0)
        {
            // Kestrel itself refuses a NUL in the path with an empty 400, before any middleware runs.
            using var json = JsonDocument.Parse(body);
            Assert.True(json.RootElement.TryGetProperty("detail", out _));
        }

        Assert.Equal(0, _gateway.Synthesizer.Calls);
    }

    [Fact]
    public async Task Post_TextOverTheModelLimit_Answers400MaxCharacterLimitExceeded()
    {
        var text = new string('a', 5_001);

        using var response = await TextToSpeechEndpointsTests.PostAsync(_gateway, "/v1/text-to-speech/voice1", JsonSerializer.Serialize(new { text, model_id = "eleven_v3" }));

        await AssertDetailAsync(response, 400, "max_character_limit_exceeded");
        Assert.Contains("has 5001 characters and exceeds the character limit of 5000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyOverTheSizeLimit_Answers413()
    {
        var text = new string('a', 100_000);

        using var response = await TextToSpeechEndpointsTests.PostAsync(_gateway, "/v1/text-to-speech/voice1", JsonSerializer.Serialize(new { text }));

        await AssertDetailAsync(response, 413, "payload_too_large");
    }

    [Fact]
    public async Task Post_UnknownVoice_Answers404VoiceNotFound()
    {
        _gateway.Synthesizer.OnSynthesize = (request, _) => throw SpeechException.VoiceNotFound(request.VoiceId);

        using var response = await TextToSpeechEndpointsTests.PostAsync(_gateway, "/v1/text-to-speech/missing/stream", "{\"text\":\"hi\"}");

        await AssertDetailAsync(response, 404, "voice_not_found");
    }

    [Theory]
    [InlineData("GET", "/v1/nothing-here", 404, "not_found")]
    [InlineData("GET", "/v1/text-to-speech/voice1", 405, "method_not_allowed")]
    [InlineData("DELETE", "/v1/models", 405, "method_not_allowed")]
    public async Task Send_UnknownRouteOrMethod_AnswersInDetailShape(string method, string path, int status, string code)
    {
        using var response = await _gateway.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await AssertDetailAsync(response, status, code);
    }

    internal static async Task AssertDetailAsync(HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = json.RootElement.GetProperty("detail");
        Assert.Equal(code, detail.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(detail.GetProperty("message").GetString()));
    }
}
