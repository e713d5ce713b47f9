using System.Net.WebSockets;
using System.Text.Json;
using SpeechGate.Providers.Local;
using SpeechGate.Server.Tests.Fakes;

namespace SpeechGate.Server.Tests.WebSockets;

/// <summary>stream-input with the real local engine: audio and eSpeak alignment in the WebSocket format.</summary>
public sealed class StreamInputLocalEngineTests
{
    [Fact]
    public async Task StreamInput_LocalEngine_SendsDecodableAudioWithMillisecondAlignment()
    {
        await using var gateway = await LocalEngineGateway.StartAsync();
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(gateway.BaseAddress) { Scheme = "ws", Path = $"/v1/text-to-speech/{LocalVoices.DefaultVoiceId}/stream-input", Query = "model_id=Ellipsis&output_format=pcm_16000" }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);

        await StreamInputTests.SendAsync(socket, """{"text":" ","try_trigger_generation":true,"voice_settings":null,"generation_config":{"chunk_length_schedule":[50]}}""");
        foreach (var chunk in new[] { "The quick brown fox ", "jumps over the lazy dog. ", "Then it runs away ", "into the forest. " })
        {
            await StreamInputTests.SendAsync(socket, JsonSerializer.Serialize(new { text = chunk, try_trigger_generation = true }));
        }

        await StreamInputTests.SendAsync(socket, """{"text":""}""");
        var messages = await StreamInputTests.ReceiveUntilCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        Assert.True(messages[^1].GetProperty("isFinal").GetBoolean());
        var audio = messages[..^1];
        var bytes = audio.Sum(m => Convert.FromBase64String(m.GetProperty("audio").GetString()!).Length);
        Assert.True(bytes > 16_000, $"expected over half a second of 16 kHz PCM, got {bytes} bytes");
        var aligned = audio.Where(m => m.GetProperty("alignment").ValueKind == JsonValueKind.Object).ToList();
        Assert.NotEmpty(aligned);
        foreach (var message in aligned)
        {
            var alignment = message.GetProperty("alignment");
            var count = alignment.GetProperty("chars").GetArrayLength();
            Assert.Equal(count, alignment.GetProperty("charStartTimesMs").GetArrayLength());
            Assert.Equal(count, alignment.GetProperty("charDurationsMs").GetArrayLength());
            Assert.All(alignment.GetProperty("charStartTimesMs").EnumerateArray(), t => Assert.True(t.GetInt32() >= 0));
        }
    }
}
