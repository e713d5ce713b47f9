using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>The fake's own wire behaviour, checked with a raw HttpClient.</summary>
public sealed class FakeElevenLabsServerTests
{
    [Fact]
    public async Task Tts_SchemaErrorWithoutKey_Is422NotAuth()
    {
        await using var fake = await FakeElevenLabsServer.StartAsync();
        using var http = new HttpClient { BaseAddress = fake.BaseAddress };

        using var response = await http.PostAsync($"v1/text-to-speech/{FakeVoiceCatalog.Rachel}", Json("""{"model_id":"eleven_v3"}"""));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var entry = body.RootElement.GetProperty("detail")[0];
        Assert.Equal(("missing", "Field required"), (entry.GetProperty("type").GetString(), entry.GetProperty("msg").GetString()));
        Assert.Equal("body,text", string.Join(',', entry.GetProperty("loc").EnumerateArray().Select(e => e.GetString())));
    }

    [Fact]
    public async Task Tts_NoKey_Is401NeedsAuthorization()
    {
        await using var fake = await FakeElevenLabsServer.StartAsync();
        using var http = new HttpClient { BaseAddress = fake.BaseAddress };

        using var response = await http.PostAsync($"v1/text-to-speech/{FakeVoiceCatalog.Rachel}", Json("""{"text":"hi"}"""));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("needs_authorization", body.RootElement.GetProperty("detail").GetProperty("status").GetString());
        Assert.True(response.Headers.Contains("x-trace-id"));
        Assert.False(response.Headers.Contains("request-id"));
    }

    [Fact]
    public async Task Models_NoKey_Is404WorkspaceNotFound()
    {
        await using var fake = await FakeElevenLabsServer.StartAsync();
        using var http = new HttpClient { BaseAddress = fake.BaseAddress };

        using var response = await http.GetAsync("v1/models");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("workspace_not_found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mp3_44100_128", "audio/mpeg")]
    [InlineData("pcm_24000", "audio/pcm")]
    [InlineData("ulaw_8000", "audio/basic")]
    [InlineData("opus_48000_64", "audio/ogg")]
    public async Task Tts_Success_HasHeadersAndContentType(string format, string contentType)
    {
        await using var fake = await FakeElevenLabsServer.StartAsync();
        using var http = Authorized(fake);

        using var response = await http.PostAsync($"v1/text-to-speech/{FakeVoiceCatalog.Rachel}/stream?output_format={format}", Json("""{"text":"Hello there"}"""));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("11", response.Headers.GetValues("character-cost").Single());
        Assert.All(new[] { "request-id", "history-item-id", "x-trace-id" }, name => Assert.True(response.Headers.Contains(name), name));
        Assert.True(bytes.Length > 100);
    }

    [Fact]
    public async Task Tts_QuotaRunsDown_ThenAnswers401QuotaExceeded()
    {
        await using var fake = await FakeElevenLabsServer.StartAsync();
        fake.Account.CharacterLimit = 25;
        using var http = Authorized(fake);

        using var first = await http.PostAsync($"v1/text-to-speech/{FakeVoiceCatalog.Rachel}", Json("""{"text":"twenty characters!!!"}"""));
        using var second = await http.PostAsync($"v1/text-to-speech/{FakeVoiceCatalog.Rachel}", Json("""{"text":"twenty characters!!!"}"""));
        using var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (first.StatusCode, second.StatusCode));
        Assert.Equal(
            "This request exceeds your quota of 25. You have 5 credits remaining, while 20 credits are required for this request.",
            body.RootElement.GetProperty("detail").GetProperty("message").GetString());
        Assert.Equal((20L, 20L), (fake.BilledCharacters, fake.Account.CharacterCount));
    }

    [Fact]
    public async Task Tts_WavOnStream_IsRejected()
    {
        await using var fake = await FakeElevenLabsServer.StartAsync();
        using var http = Authorized(fake);

        using var response = await http.PostAsync($"v1/text-to-speech/{FakeVoiceCatalog.Rachel}/stream?output_format=wav_16000", Json("""{"text":"hi"}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task History_BilledRequest_IsFoundByItsHistoryItemId()
    {
        await using var fake = await FakeElevenLabsServer.StartAsync();
        using var http = Authorized(fake);
        using var tts = await http.PostAsync($"v1/text-to-speech/{FakeVoiceCatalog.Rachel}", Json("""{"text":"history"}"""));
        var id = tts.Headers.GetValues("history-item-id").Single();

        var item = await http.GetFromJsonAsync<JsonElement>($"v1/history/{id}");

        Assert.Equal(("history", 0L, 7L), (item.GetProperty("text").GetString(), item.GetProperty("character_count_change_from").GetInt64(), item.GetProperty("character_count_change_to").GetInt64()));
    }

    private static HttpClient Authorized(FakeElevenLabsServer fake)
    {
        var http = new HttpClient { BaseAddress = fake.BaseAddress };
        http.DefaultRequestHeaders.Add("xi-api-key", fake.ApiKey);
        return http;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
