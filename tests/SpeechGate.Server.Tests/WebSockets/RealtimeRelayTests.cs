using System.Net.WebSockets;
using System.Text.Json;
using SpeechGate.Server.Tests.Pipeline;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.WebSockets;

/// <summary>
/// With the ElevenLabs provider, stream-input and multi-stream-input relay over one upstream WebSocket per client
/// session, behind the cache, budget and ledger (the whole pipeline, real SQLite, the fake's WebSocket routes).
/// </summary>
public sealed class RealtimeRelayTests
{
    private const string StockPhrase = "Hold on, let me check that for you. ";

    [Fact]
    public async Task StreamInput_TwoFlushedSegments_OneUpstreamSessionAndOneLedgerRowPerSegment()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        using var socket = await ConnectAsync(pipeline, "stream-input");

        await StreamInputTests.SendAsync(socket, """{"text":" ","voice_settings":{"stability":0.3}}""");
        await StreamInputTests.SendAsync(socket, """{"text":"The first sentence of the answer. ","flush":true}""");
        await StreamInputTests.SendAsync(socket, """{"text":"And a second one to finish. ","flush":true}""");
        await StreamInputTests.SendAsync(socket, """{"text":""}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        Assert.True(messages[^1].GetProperty("isFinal").GetBoolean());
        Assert.True(Audio(messages).Length > 0);
        var generations = Generations(pipeline);
        Assert.Equal(1, pipeline.Upstream.WebSocketSessions);
        Assert.Equal(["The first sentence of the answer. ", "And a second one to finish. "], generations.Select(g => g.Body));
        Assert.DoesNotContain(pipeline.UpstreamTts, r => r.Method == "POST");
        var (requests, credits) = await LedgerAsync(pipeline);
        Assert.Equal(2, requests);
        Assert.Equal(pipeline.Upstream.BilledCharacters, credits);
    }

    [Fact]
    public async Task MultiStream_StockPhraseInASecondSession_IsACacheHitThatNeverReachesUpstream()
    {
        await using var pipeline = await PipelineGateway.StartAsync();

        var first = await SpeakAsync(pipeline, StockPhrase);
        await pipeline.WaitForEntriesAsync(1);
        var billedAfterFirst = pipeline.Upstream.BilledCharacters;
        var second = await SpeakAsync(pipeline, StockPhrase);

        Assert.Equal(first, second);
        Assert.Single(Generations(pipeline));
        Assert.Equal(billedAfterFirst, pipeline.Upstream.BilledCharacters);
        Assert.Equal(1, pipeline.Upstream.WebSocketSessions);
        var (requests, credits) = await LedgerAsync(pipeline);
        Assert.Equal(2, requests);
        Assert.Equal(billedAfterFirst, credits);
    }

    [Fact]
    public async Task MultiStream_PipecatSequenceOverTheRelay_EachContextGetsItsAudioAndFinal()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        using var socket = await ConnectAsync(pipeline, "multi-stream-input", "&auto_mode=true");

        await StreamInputTests.SendAsync(socket, """{"text":" ","context_id":"t1","voice_settings":{"stability":0.4}}""");
        await StreamInputTests.SendAsync(socket, """{"text":"Turn one speaks first. ","context_id":"t1"}""");
        await StreamInputTests.SendAsync(socket, """{"text":"","context_id":"t1"}""");
        await StreamInputTests.SendAsync(socket, """{"context_id":"t1","close_context":true}""");
        await StreamInputTests.SendAsync(socket, """{"text":" ","context_id":"t2","voice_settings":{"stability":0.8}}""");
        await StreamInputTests.SendAsync(socket, """{"text":"Turn two answers after. ","context_id":"t2","flush":true}""");
        await StreamInputTests.SendAsync(socket, """{"close_socket":true}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        foreach (var context in new[] { "t1", "t2" })
        {
            var own = messages.Where(m => m.GetProperty("contextId").GetString() == context).ToArray();
            Assert.True(Audio(own).Length > 0, $"no audio for {context}");
            Assert.True(own[^1].GetProperty("isFinal").GetBoolean());
        }

        Assert.Equal(1, pipeline.Upstream.WebSocketSessions);
        Assert.Equal(2, Generations(pipeline).Count);
    }

    [Fact]
    public async Task MultiStream_UpstreamQuotaExhausted_ClosesTheClientWith1008AndLedgersNothing()
    {
        await using var pipeline = await PipelineGateway.StartAsync();
        pipeline.Upstream.Account.CharacterLimit = 5;
        using var socket = await ConnectAsync(pipeline, "multi-stream-input");

        await StreamInputTests.SendAsync(socket, """{"text":" ","context_id":"c"}""");
        await StreamInputTests.SendAsync(socket, """{"text":"This is far more than five credits. ","context_id":"c","flush":true}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Equal("quota_exceeded", messages[^1].GetProperty("error").GetString());
        Assert.Equal(0, pipeline.Upstream.BilledCharacters);
        var (requests, _) = await LedgerAsync(pipeline);
        Assert.Equal(0, requests);
    }

    private static async Task<byte[]> SpeakAsync(PipelineGateway pipeline, string text)
    {
        using var socket = await ConnectAsync(pipeline, "multi-stream-input");
        await StreamInputTests.SendAsync(socket, """{"text":" ","context_id":"agent"}""");
        await StreamInputTests.SendAsync(socket, JsonSerializer.Serialize(new { text, context_id = "agent", flush = true }));
        await StreamInputTests.SendAsync(socket, """{"close_socket":true}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        return Audio(messages);
    }

    private static async Task<ClientWebSocket> ConnectAsync(PipelineGateway pipeline, string route, string extra = "")
    {
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(pipeline.Gateway.BaseAddress)
        {
            Scheme = "ws",
            Path = $"/v1/text-to-speech/{FakeVoiceCatalog.Rachel}/{route}",
            Query = "model_id=eleven_flash_v2_5&output_format=mp3_44100_128" + extra,
        }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        return socket;
    }

    private static byte[] Audio(IEnumerable<JsonElement> messages)
        => [.. messages.Where(m => m.TryGetProperty("audio", out var a) && a.ValueKind == JsonValueKind.String).SelectMany(m => Convert.FromBase64String(m.GetProperty("audio").GetString()!))];

    private static List<FakeElevenLabsRequest> Generations(PipelineGateway pipeline)
        => [.. pipeline.Upstream.Requests.Where(r => r.Method == "WS" && r.StatusCode == 200)];

    private static async Task<(long Requests, long Credits)> LedgerAsync(PipelineGateway pipeline)
    {
        using var ledger = JsonDocument.Parse(await pipeline.Client.GetStringAsync("/v1/speechgate/ledger"));
        var totals = ledger.RootElement.GetProperty("totals");
        return totals.GetArrayLength() == 0 ? (0, 0)
            : (totals.EnumerateArray().Sum(t => t.GetProperty("requests").GetInt64()), totals.EnumerateArray().Sum(t => t.GetProperty("spent_credits").GetInt64()));
    }
}
