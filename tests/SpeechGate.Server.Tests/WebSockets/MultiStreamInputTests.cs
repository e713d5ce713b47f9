using System.Net.WebSockets;
using System.Text.Json;
using SpeechGate.Server.Tests.Fakes;
using SpeechGate.Server.Tests.Providers;
using SpeechGate.Synthesis;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.WebSockets;

/// <summary>multi-stream-input driven as pipecat's ElevenLabsTTSService and LiveKit's plugin drive it.</summary>
public sealed class MultiStreamInputTests
{
    [Fact]
    public async Task MultiStream_PipecatSequence_TwoTurnsKeepAliveBargeInAndCloseSocket()
    {
        await using var gateway = await TestGateway.StartAsync();
        using var socket = await ConnectAsync(gateway.BaseAddress, "voice1", "model_id=eleven_flash_v2_5&output_format=pcm_24000&auto_mode=true");

        // Turn 1: init with the context's settings, text (auto_mode generates at once), flush, a keep-alive, then the
        // barge-in close_context.
        await StreamInputTests.SendAsync(socket, """{"text":" ","context_id":"turn-1","voice_settings":{"stability":0.4,"similarity_boost":0.8,"speed":1.1}}""");
        await StreamInputTests.SendAsync(socket, """{"text":"Hello there, how can I help? ","context_id":"turn-1"}""");
        await StreamInputTests.SendAsync(socket, """{"context_id":"turn-1","flush":true}""");
        await StreamInputTests.SendAsync(socket, """{"text":"","context_id":"turn-1"}""");
        var first = await ReceiveUntilFinalAsync(socket, "turn-1", close: true);

        // Turn 2 on the same socket, its own settings; then close_socket.
        await StreamInputTests.SendAsync(socket, """{"text":" ","context_id":"turn-2","voice_settings":{"stability":0.9}}""");
        await StreamInputTests.SendAsync(socket, """{"text":"Hold on, let me check that for you. ","context_id":"turn-2","flush":true}""");
        await StreamInputTests.SendAsync(socket, """{"close_socket":true}""");
        var rest = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        Assert.Equal(3, first.Count(m => m.TryGetProperty("audio", out _)));
        Assert.All(first, m => Assert.Equal("turn-1", m.GetProperty("contextId").GetString()));
        Assert.Equal(3, rest.Count(m => m.TryGetProperty("audio", out _)));
        Assert.All(rest, m => Assert.Equal("turn-2", m.GetProperty("contextId").GetString()));
        Assert.True(rest[^1].GetProperty("isFinal").GetBoolean());
        var requests = gateway.Synthesizer.Requests;
        Assert.Equal(["Hello there, how can I help? ", "Hold on, let me check that for you. "], requests.Select(r => r.Text));
        Assert.Equal(new VoiceSettings { Stability = 0.4, SimilarityBoost = 0.8, Speed = 1.1 }, requests[0].VoiceSettings);
        Assert.Equal(0.9, requests[1].VoiceSettings!.Stability);
        Assert.Null(requests[1].PreviousText);
        Assert.All(requests, r => Assert.Equal("eleven_flash_v2_5", r.ModelId));
    }

    [Fact]
    public async Task MultiStream_InterleavedContexts_KeepTheirOwnBuffersAndContinuity()
    {
        await using var gateway = await TestGateway.StartAsync();
        using var socket = await ConnectAsync(gateway.BaseAddress, "voice1", string.Empty);

        await StreamInputTests.SendAsync(socket, """{"text":" ","context_id":"a"}""");
        await StreamInputTests.SendAsync(socket, """{"text":"Alpha one. ","context_id":"a"}""");
        await StreamInputTests.SendAsync(socket, """{"text":"Beta one. ","context_id":"b"}""");
        await StreamInputTests.SendAsync(socket, """{"text":"Alpha two. ","context_id":"a","flush":true}""");
        await StreamInputTests.SendAsync(socket, """{"context_id":"b","flush":true}""");
        await StreamInputTests.SendAsync(socket, """{"text":"Alpha three. ","context_id":"a","flush":true}""");
        await StreamInputTests.SendAsync(socket, """{"text":"Dropped, never flushed. ","context_id":"b"}""");
        await StreamInputTests.SendAsync(socket, """{"context_id":"b","close_context":true}""");
        await StreamInputTests.SendAsync(socket, """{"close_socket":true}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        var requests = gateway.Synthesizer.Requests;
        Assert.Equal(["Alpha one. Alpha two. ", "Beta one. ", "Alpha three. "], requests.Select(r => r.Text));
        Assert.Equal("Alpha one. Alpha two. ", requests[2].PreviousText);
        Assert.Null(requests[1].PreviousText);
        var finals = messages.Where(m => m.TryGetProperty("isFinal", out var f) && f.ValueKind == JsonValueKind.True).Select(m => m.GetProperty("contextId").GetString()).ToList();
        Assert.Equal(["b", "a"], finals);
        Assert.Equal(6, messages.Count(m => m.GetProperty("contextId").GetString() == "a" && m.TryGetProperty("audio", out _)));
    }

    [Fact]
    public async Task MultiStream_Inactivity_SendsTheErrorThenCloses1008()
    {
        await using var gateway = await TestGateway.StartAsync();
        using var socket = await ConnectAsync(gateway.BaseAddress, "voice1", "inactivity_timeout=1");

        await StreamInputTests.SendAsync(socket, """{"text":" ","context_id":"idle"}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Equal("input_timeout_exceeded", Assert.Single(messages).GetProperty("error").GetString());
    }

    [Fact]
    public async Task MultiStream_MalformedMessage_SendsTheErrorThenCloses1008()
    {
        await using var gateway = await TestGateway.StartAsync();
        using var socket = await ConnectAsync(gateway.BaseAddress, "voice1", string.Empty);

        await StreamInputTests.SendAsync(socket, """{"text":" ","context_id":42}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        var error = Assert.Single(messages);
        Assert.Equal("invalid_input_message", error.GetProperty("error").GetString());
        Assert.Equal(1008, error.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task MultiStream_ProviderFails_SendsTheErrorThenCloses1011()
    {
        await using var gateway = await TestGateway.StartAsync();
        gateway.Synthesizer.OnSynthesize = (_, _) => throw new SpeechException("engine exploded");
        using var socket = await ConnectAsync(gateway.BaseAddress, "voice1", string.Empty);

        await StreamInputTests.SendAsync(socket, """{"text":"Hello. ","context_id":"c","flush":true}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.InternalServerError, socket.CloseStatus);
        Assert.Equal("something_went_wrong", Assert.Single(messages).GetProperty("error").GetString());
    }

    [Fact]
    public async Task MultiStream_KeysExistAndNoneGiven_RefusesWith1008()
    {
        await using var gateway = await TestGateway.StartAsync();
        await gateway.Keys.CreateAsync("agent");
        using var socket = await ConnectAsync(gateway.BaseAddress, "voice1", string.Empty);

        await StreamInputTests.SendAsync(socket, """{"text":" ","context_id":"c"}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Equal("needs_authorization", Assert.Single(messages).GetProperty("error").GetString());
        Assert.Equal(0, gateway.Synthesizer.Calls);
    }

    [Fact]
    public async Task MultiStream_ElevenLabsProvider_TwoContextsGetUpstreamAudio()
    {
        await using var upstream = await FakeElevenLabsServer.StartAsync();
        await using var gateway = await ElevenLabsGatewayTests.StartAsync(upstream);
        using var socket = await ConnectAsync(gateway.BaseAddress, FakeVoiceCatalog.Rachel, "model_id=eleven_flash_v2_5&output_format=mp3_44100_128");

        await StreamInputTests.SendAsync(socket, """{"text":" ","context_id":"one"}""");
        await StreamInputTests.SendAsync(socket, """{"text":"First turn. ","context_id":"one","flush":true}""");
        await StreamInputTests.SendAsync(socket, """{"context_id":"one","close_context":true}""");
        await StreamInputTests.SendAsync(socket, """{"text":"Second turn. ","context_id":"two","flush":true}""");
        await StreamInputTests.SendAsync(socket, """{"close_socket":true}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        foreach (var context in new[] { "one", "two" })
        {
            var audio = messages.Where(m => m.GetProperty("contextId").GetString() == context && m.TryGetProperty("audio", out _))
                .SelectMany(m => Convert.FromBase64String(m.GetProperty("audio").GetString()!)).ToArray();
            Assert.NotEmpty(audio);
            Assert.Contains(messages, m => m.GetProperty("contextId").GetString() == context && m.TryGetProperty("isFinal", out var f) && f.ValueKind == JsonValueKind.True);
        }

        Assert.True(upstream.BilledCharacters > 0);
    }

    internal static async Task<ClientWebSocket> ConnectAsync(Uri baseAddress, string voice, string query)
    {
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(baseAddress) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws", Path = $"/v1/text-to-speech/{voice}/multi-stream-input", Query = query }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        return socket;
    }

    /// <summary>Reads messages up to the context's isFinal, sending its close_context first when <paramref name="close"/>.</summary>
    internal static async Task<List<JsonElement>> ReceiveUntilFinalAsync(ClientWebSocket socket, string contextId, bool close)
    {
        var messages = new List<JsonElement>();
        var closed = false;
        while (await StreamInputTests.ReceiveAsync(socket) is { } message)
        {
            messages.Add(message);
            if (close && !closed && messages.Count(m => m.TryGetProperty("audio", out _)) == 3)
            {
                closed = true;
                await StreamInputTests.SendAsync(socket, $$"""{"context_id":"{{contextId}}","close_context":true}""");
            }

            if (message.TryGetProperty("isFinal", out var final) && final.ValueKind == JsonValueKind.True && message.GetProperty("contextId").GetString() == contextId)
            {
                return messages;
            }
        }

        throw new InvalidOperationException("the socket closed before the context's isFinal");
    }
}
