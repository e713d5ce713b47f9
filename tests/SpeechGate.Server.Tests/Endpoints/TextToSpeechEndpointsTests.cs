using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Server.Tests.Fakes;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Server.Tests.Endpoints;

public sealed class TextToSpeechEndpointsTests
{
    [Fact]
    public async Task Convert_Text_ReturnsAudioAndEveryHeader()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await gateway.Client.PostAsJsonAsync("/v1/text-to-speech/voice1", new { text = "Hello" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(FakeSpeechSynthesizer.ExpectedBytes(new SpeechRequest("Hello", "voice1")), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("fake-1", Header(response, "request-id"));
        Assert.Equal("5", Header(response, "character-cost"));
        Assert.False(string.IsNullOrEmpty(Header(response, "history-item-id")));
        Assert.False(string.IsNullOrEmpty(Header(response, "x-trace-id")));
        Assert.Equal("miss", Header(response, "x-speechgate-cache"));
        Assert.Equal("5", Header(response, "x-speechgate-credits"));
    }

    [Theory]
    [InlineData(SpeechCacheStatus.Hit, "hit", "0")]
    [InlineData(SpeechCacheStatus.Coalesced, "coalesced", "0")]
    [InlineData(SpeechCacheStatus.Miss, "miss", "7")]
    [InlineData(SpeechCacheStatus.Bypass, "bypass", "7")]
    public async Task Convert_CacheStatus_IsReportedWithTheCreditsSpent(SpeechCacheStatus status, string header, string credits)
    {
        // The fake plays the whole pipeline here (no real cache stage), so it decides the cache status.
        await using var gateway = await TestGateway.StartAsync(services: collection =>
            collection.AddSingleton<ISpeechSynthesizer>(sp => sp.GetRequiredKeyedService<ISpeechSynthesizer>("local")));
        gateway.Synthesizer.OnSynthesize = (_, _) => Task.FromResult(SpeechAudio.FromBytes(new byte[] { 1 }, "audio/mpeg") with
        {
            CacheStatus = status,
            BilledCharacters = 7,
            RequestId = "req-1",
            HistoryItemId = "hist-1",
        });

        using var response = await gateway.Client.PostAsJsonAsync("/v1/text-to-speech/voice1", new { text = "Hello" });

        Assert.Equal(header, Header(response, "x-speechgate-cache"));
        Assert.Equal(credits, Header(response, "x-speechgate-credits"));
        Assert.Equal(("req-1", "hist-1", credits), (Header(response, "request-id"), Header(response, "history-item-id"), Header(response, "character-cost")));
    }

    [Fact]
    public async Task Convert_EveryBodyField_IsMappedIntoTheRequest()
    {
        await using var gateway = await TestGateway.StartAsync();
        const string body = """
            {"text":"Hi","model_id":"eleven_flash_v2_5","language_code":"en",
             "voice_settings":{"stability":0.3,"similarity_boost":0.6,"style":0.1,"use_speaker_boost":false,"speed":1.1},
             "pronunciation_dictionary_locators":[{"pronunciation_dictionary_id":"pd1","version_id":"v1"}],
             "seed":4294967295,"previous_text":"before","next_text":"after",
             "previous_request_ids":["r1"],"next_request_ids":["r2","r3"],"use_pvc_as_ivc":true,
             "apply_text_normalization":"off","apply_language_text_normalization":true}
            """;

        using var response = await PostAsync(gateway, "/v1/text-to-speech/voice1?output_format=pcm_16000&enable_logging=false&optimize_streaming_latency=3", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/pcm", response.Content.Headers.ContentType?.MediaType);
        var request = Assert.Single(gateway.Synthesizer.Requests);
        Assert.Equal(("Hi", "voice1", "eleven_flash_v2_5", "pcm_16000", "en"), (request.Text, request.VoiceId, request.ModelId, request.Format.Name, request.LanguageCode));
        Assert.Equal(new VoiceSettings { Stability = 0.3, SimilarityBoost = 0.6, Style = 0.1, UseSpeakerBoost = false, Speed = 1.1 }, request.VoiceSettings);
        Assert.Equal(new PronunciationDictionaryLocator("pd1", "v1"), Assert.Single(request.PronunciationDictionaryLocators));
        Assert.Equal(4294967295u, request.Seed);
        Assert.Equal(("before", "after"), (request.PreviousText, request.NextText));
        Assert.Equal(new[] { "r1" }, request.PreviousRequestIds);
        Assert.Equal(new[] { "r2", "r3" }, request.NextRequestIds);
        Assert.Equal((true, "off", true), (request.UsePvcAsIvc, request.ApplyTextNormalization, request.ApplyLanguageTextNormalization));
        Assert.Equal((false, 3), (request.EnableLogging, request.OptimizeStreamingLatency));
        Assert.False(request.WithTimestamps);
        Assert.Null(request.AccountId); // keyless local development: no gateway key to bill
    }

    [Fact]
    public async Task Stream_Text_SendsChunksInOrder()
    {
        await using var gateway = await TestGateway.StartAsync();

        using var response = await gateway.Client.PostAsJsonAsync("/v1/text-to-speech/voice1/stream?output_format=mp3_22050_32", new { text = "Streamed" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal(FakeSpeechSynthesizer.ExpectedBytes(new SpeechRequest("Streamed", "voice1")), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task StreamWithTimestamps_Text_WritesOneJsonObjectPerLine()
    {
        await using var gateway = await TestGateway.StartAsync();
        gateway.Synthesizer.OnSynthesize = (request, _) => Task.FromResult(new SpeechAudio("audio/mpeg", AlignedChunks()));

        using var response = await gateway.Client.PostAsJsonAsync("/v1/text-to-speech/voice1/stream/with-timestamps", new { text = "ab" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("Ag==", second.RootElement.GetProperty("audio_base64").GetString());
        Assert.Equal("b", second.RootElement.GetProperty("alignment").GetProperty("characters")[0].GetString());
        Assert.Equal(0.5, second.RootElement.GetProperty("normalized_alignment").GetProperty("character_start_times_seconds")[0].GetDouble());
        Assert.True(Assert.Single(gateway.Synthesizer.Requests).WithTimestamps);
    }

    [Fact]
    public async Task ConvertWithTimestamps_Text_ReturnsWholeClipAndJoinedAlignment()
    {
        await using var gateway = await TestGateway.StartAsync();
        gateway.Synthesizer.OnSynthesize = (request, _) => Task.FromResult(new SpeechAudio("audio/mpeg", AlignedChunks()));

        using var response = await gateway.Client.PostAsJsonAsync("/v1/text-to-speech/voice1/with-timestamps", new { text = "ab" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Convert.ToBase64String([1, 2]), json.RootElement.GetProperty("audio_base64").GetString());
        var alignment = json.RootElement.GetProperty("alignment");
        Assert.Equal(2, alignment.GetProperty("characters").GetArrayLength());
        Assert.Equal(1.0, alignment.GetProperty("character_end_times_seconds")[1].GetDouble());
        Assert.NotNull(Header(response, "history-item-id"));
    }

    [Fact]
    public async Task Convert_ProviderFailsBeforeAudio_RendersItsStatusInElevenLabsShape()
    {
        await using var gateway = await TestGateway.StartAsync();
        gateway.Synthesizer.OnSynthesize = (request, _) => throw SpeechException.VoiceNotFound(request.VoiceId);

        using var response = await gateway.Client.PostAsJsonAsync("/v1/text-to-speech/nobody", new { text = "Hello" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("voice_not_found", json.RootElement.GetProperty("detail").GetProperty("status").GetString());
        Assert.Equal("A voice with the voice_id nobody was not found.", json.RootElement.GetProperty("detail").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Convert_UpstreamBreaksAfterPayingButBeforeOurFirstByte_AnswersANonRetriedStatus()
    {
        await using var gateway = await TestGateway.StartAsync();
        gateway.Synthesizer.OnSynthesize = (_, _) => throw new SpeechException(502, "upstream_reset", "reset") { AfterAudioStarted = true };

        using var response = await gateway.Client.PostAsJsonAsync("/v1/text-to-speech/voice1/with-timestamps", new { text = "Hello" });

        Assert.Equal((HttpStatusCode)424, response.StatusCode);
    }

    [Fact]
    public async Task Stream_ProviderFailsMidStream_AbortsInsteadOfAnErrorStatus()
    {
        await using var gateway = await TestGateway.StartAsync();
        var headersRead = new TaskCompletionSource();
        gateway.Synthesizer.OnSynthesize = (_, _) => Task.FromResult(new SpeechAudio("audio/mpeg", BrokenChunks(headersRead.Task)));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/text-to-speech/voice1/stream") { Content = JsonContent.Create(new { text = "Hello" }) };

        using var response = await gateway.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        headersRead.SetResult();
        await Assert.ThrowsAsync<HttpRequestException>(() => response.Content.ReadAsByteArrayAsync());
    }

    internal static Task<HttpResponseMessage> PostAsync(TestGateway gateway, string path, string json, string contentType = "application/json")
        => gateway.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, contentType));

    internal static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    private static async IAsyncEnumerable<AudioChunk> AlignedChunks()
    {
        await Task.Yield();
        yield return new AudioChunk(new byte[] { 1 }) { Alignment = new(["a"], [0.0], [0.5]), NormalizedAlignment = new(["a"], [0.0], [0.5]) };
        yield return new AudioChunk(new byte[] { 2 }) { Alignment = new(["b"], [0.5], [1.0]), NormalizedAlignment = new(["b"], [0.5], [1.0]) };
    }

    private static async IAsyncEnumerable<AudioChunk> BrokenChunks(Task headersRead)
    {
        await Task.Yield();
        yield return new AudioChunk(new byte[] { 1, 2, 3 });
        await headersRead;
        throw new SpeechException(502, "upstream_reset", "The upstream connection was reset.");
    }
}
