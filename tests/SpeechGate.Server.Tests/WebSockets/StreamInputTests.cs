using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using SpeechGate.Server.Tests.Fakes;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Tests.WebSockets;

public sealed class StreamInputTests
{
    private const string Sentence = "Hello world, this is a test of the stream input route. It speaks in pieces as text arrives. ";

    [Fact]
    public async Task StreamInput_AsThePythonSdkDrivesIt_SendsAudioThenFinalThenCloses1000()
    {
        await using var gateway = await TestGateway.StartAsync();
        gateway.Synthesizer.OnSynthesize = (request, token) => Task.FromResult(new SpeechAudio("audio/mpeg", Aligned(request.Text, token)));
        using var socket = await ConnectAsync(gateway, "?model_id=Ellipsis&output_format=mp3_44100_128");

        await SendAsync(socket, """{"text":" ","try_trigger_generation":true,"voice_settings":{"stability":0.4},"generation_config":{"chunk_length_schedule":[50]}}""");
        foreach (var word in Sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            await SendAsync(socket, JsonSerializer.Serialize(new { text = word + " ", try_trigger_generation = true }));
        }

        await SendAsync(socket, """{"text":""}""");
        var messages = await ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        Assert.True(messages[^1].GetProperty("isFinal").GetBoolean());
        var audio = messages[..^1];
        Assert.True(audio.Length >= 2, "the [50] schedule should generate more than one segment");
        Assert.All(audio, m => Assert.False(string.IsNullOrEmpty(m.GetProperty("audio").GetString())));
        var alignment = audio[0].GetProperty("alignment");
        Assert.Equal(0, alignment.GetProperty("charStartTimesMs")[0].GetInt32());
        Assert.Equal(10, alignment.GetProperty("charDurationsMs")[0].GetInt32());
        Assert.Equal(Sentence.Trim(), string.Concat(gateway.Synthesizer.Requests.Select(r => r.Text)).Trim());
        Assert.All(gateway.Synthesizer.Requests, r => Assert.Null(r.ModelId));
        Assert.All(gateway.Synthesizer.Requests, r => Assert.Equal(0.4, r.VoiceSettings?.Stability));
        Assert.Null(gateway.Synthesizer.Requests[0].PreviousText);
        Assert.NotNull(gateway.Synthesizer.Requests[1].PreviousText);
    }

    [Fact]
    public async Task StreamInput_FlushThenEnd_GeneratesTheBufferImmediately()
    {
        await using var gateway = await TestGateway.StartAsync();
        using var socket = await ConnectAsync(gateway, string.Empty);

        await SendAsync(socket, """{"text":" "}""");
        await SendAsync(socket, """{"text":"Short. ","flush":true}""");
        var first = await ReceiveAsync(socket);
        await SendAsync(socket, """{"text":""}""");
        var rest = await ReceiveUntilCloseAsync(socket);

        Assert.False(string.IsNullOrEmpty(first!.Value.GetProperty("audio").GetString()));
        Assert.Equal("Short. ", Assert.Single(gateway.Synthesizer.Requests).Text);
        Assert.True(rest[^1].GetProperty("isFinal").GetBoolean());
        Assert.Equal(2, rest.Length - 1); // the fake's other two chunks of the flushed segment
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    [Theory]
    [InlineData("xi_api_key")]
    [InlineData("xi-api-key")]
    public async Task StreamInput_KeyInFirstMessage_IsAccepted(string field)
    {
        await using var gateway = await TestGateway.StartAsync();
        var key = await gateway.Keys.CreateAsync("ws");
        using var socket = await ConnectAsync(gateway, string.Empty);

        await SendAsync(socket, $$"""{"text":" ","{{field}}":"{{key.Secret}}"}""");
        await SendAsync(socket, """{"text":"Hello there. "}""");
        await SendAsync(socket, """{"text":""}""");
        var messages = await ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        Assert.True(messages[^1].GetProperty("isFinal").GetBoolean());
        Assert.Equal(key.Key.Id, Assert.Single(gateway.Synthesizer.Requests).AccountId);
    }

    [Fact]
    public async Task StreamInput_KeysExistAndWrongKeyInMessage_SendsErrorAndCloses1008()
    {
        await using var gateway = await TestGateway.StartAsync();
        await gateway.Keys.CreateAsync("ws");
        using var socket = await ConnectAsync(gateway, string.Empty);

        await SendAsync(socket, """{"text":" ","xi_api_key":"sg_nope_nope"}""");
        var messages = await ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Equal("invalid_api_key", Assert.Single(messages).GetProperty("error").GetString());
        Assert.Equal(0, gateway.Synthesizer.Calls);
    }

    [Fact]
    public async Task StreamInput_UnparsableMessage_SendsInvalidInputMessageAndCloses1008()
    {
        await using var gateway = await TestGateway.StartAsync();
        using var socket = await ConnectAsync(gateway, string.Empty);

        await SendAsync(socket, "this is not json");
        var messages = await ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        var error = Assert.Single(messages);
        Assert.Equal("invalid_input_message", error.GetProperty("error").GetString());
        Assert.Equal(1008, error.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task StreamInput_BadOutputFormat_RefusesTheHandshake()
    {
        await using var gateway = await TestGateway.StartAsync();

        await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(gateway, "?output_format=wav_44100"));
    }

    internal static async Task<ClientWebSocket> ConnectAsync(TestGateway gateway, string query)
    {
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(gateway.BaseAddress) { Scheme = "ws", Path = "/v1/text-to-speech/voice1/stream-input", Query = query.TrimStart('?') }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        return socket;
    }

    internal static Task SendAsync(ClientWebSocket socket, string json)
        => socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    internal static async Task<JsonElement?> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
            }
        }
    }

    internal static async Task<JsonElement[]> ReceiveUntilCloseAsync(ClientWebSocket socket)
    {
        var messages = new List<JsonElement>();
        while (await ReceiveAsync(socket) is { } message)
        {
            messages.Add(message);
        }

        return [.. messages];
    }

    private static async IAsyncEnumerable<AudioChunk> Aligned(string text, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Two chunks per segment, 10 ms per character, times from the start of the segment's audio.
        var half = text.Length / 2;
        foreach (var (start, length) in new[] { (0, half), (half, text.Length - half) })
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            var characters = text.Substring(start, length).Select(c => c.ToString()).ToList();
            var starts = Enumerable.Range(start, length).Select(i => i * 0.01).ToList();
            var alignment = new CharacterAlignment(characters, starts, starts.Select(s => s + 0.01).ToList());
            yield return new AudioChunk(Encoding.UTF8.GetBytes(text.Substring(start, length))) { Alignment = alignment, NormalizedAlignment = alignment };
        }
    }
}
