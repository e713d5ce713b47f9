using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SpeechGate.Audio;
using SpeechGate.Models;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>
/// The WebSocket routes (elevenlabs-api.md §4): <c>stream-input</c> and <c>multi-stream-input</c>. Auth by header, query
/// <c>authorization</c> or the first message's key; text buffered per context on the chunk schedule (or at once with
/// <c>auto_mode</c>/flush); each generation is billed (one record per generation, method <c>WS</c>) and answered with
/// audio and chunk-relative millisecond alignment; errors are a message then close 1008.
/// </summary>
internal sealed class FakeRealtimeEndpoint(FakeElevenLabsServer server, bool multi)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 426;
            return;
        }

        server.CountWebSocketSession();
        var query = context.Request.Query;
        var voiceId = (string)context.Request.RouteValues["voice_id"]!;
        var modelId = query["model_id"].ToString() is { Length: > 0 } m && m != "Ellipsis" ? m : "eleven_multilingual_v2";
        var format = AudioFormat.TryParse(query["output_format"].ToString() is { Length: > 0 } f ? f : "mp3_44100_128", out var parsed) ? parsed! : AudioFormat.Default;
        var autoMode = query["auto_mode"] == "true";
        var timeout = TimeSpan.FromSeconds(int.TryParse(query["inactivity_timeout"], out var seconds) ? seconds : 20);
        var headerKey = context.Request.Headers["xi-api-key"].FirstOrDefault() ?? Bearer(query["authorization"].ToString());
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var session = new Session(server, socket, voiceId, modelId, format, context.RequestAborted);
        var contexts = new Dictionary<string, FakeRealtimeContext>(StringComparer.Ordinal);
        var first = true;
        try
        {
            while (await session.ReceiveAsync(timeout).ConfigureAwait(false) is { } message)
            {
                if (first)
                {
                    first = false;
                    var key = headerKey ?? Text(message, "xi-api-key") ?? Text(message, "xi_api_key") ?? Bearer(Text(message, "authorization"));
                    var refusal = key is null ? "needs_authorization" : key != server.ApiKey ? "invalid_api_key"
                        : !server.Account.Voices.ContainsKey(voiceId) ? "voice_not_found"
                        : KnownModels.Find(modelId) is null ? "model_not_found" : null;
                    if (refusal is not null)
                    {
                        await session.FailAsync(refusal, $"The connection was refused: {refusal}.").ConfigureAwait(false);
                        return;
                    }
                }

                if (message["close_socket"]?.GetValue<bool>() == true)
                {
                    foreach (var open in contexts.Values)
                    {
                        await session.GenerateAsync(open, open.Take(flush: true)).ConfigureAwait(false);
                        await session.FinalAsync(open.Id).ConfigureAwait(false);
                    }

                    await session.CloseAsync().ConfigureAwait(false);
                    return;
                }

                var id = multi ? Text(message, "context_id") ?? "default" : string.Empty;
                var text = Text(message, "text");
                if (multi && message["close_context"]?.GetValue<bool>() == true)
                {
                    if (contexts.Remove(id, out var closing))
                    {
                        await session.FinalAsync(closing.Id).ConfigureAwait(false);
                    }

                    continue;
                }

                if (!contexts.TryGetValue(id, out var current))
                {
                    current = new FakeRealtimeContext(multi ? id : null, message["voice_settings"]?.DeepClone(), Schedule(message));
                    contexts[id] = current;
                }
                else if (message["voice_settings"] is { } settings)
                {
                    current.VoiceSettings = settings.DeepClone();
                }

                current.SetSchedule(Schedule(message));
                if (!multi && text == "")
                {
                    // stream-input: empty text ends the input; the rest is generated, then isFinal, then close 1000.
                    await session.GenerateAsync(current, current.Take(flush: true)).ConfigureAwait(false);
                    await session.FinalAsync(null).ConfigureAwait(false);
                    await session.CloseAsync().ConfigureAwait(false);
                    return;
                }

                current.Append(text ?? string.Empty);
                var flush = autoMode || message["flush"]?.GetValue<bool>() == true;
                await session.GenerateAsync(current, current.Take(flush)).ConfigureAwait(false);
            }
        }
        catch (TimeoutException)
        {
            await session.FailAsync("input_timeout_exceeded", $"Have not received a new text input within the timeout of {timeout.TotalSeconds:0} seconds. Streaming input terminated.").ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            await session.FailAsync("invalid_input_message", "Could not parse input message. " + exception.Message).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client went away.
        }
    }

    private static IReadOnlyList<int> Schedule(JsonNode message)
        => message["generation_config"]?["chunk_length_schedule"] is JsonArray schedule ? [.. schedule.Select(item => (int)item!.GetValue<double>())] : [];

    private static string? Text(JsonNode message, string name) => message[name]?.GetValue<string>();

    private static string? Bearer(string? value) => string.IsNullOrEmpty(value) ? null : value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..] : value;

    private sealed class Session(FakeElevenLabsServer server, WebSocket socket, string voiceId, string modelId, AudioFormat format, CancellationToken aborted)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];

        public async Task<JsonNode?> ReceiveAsync(TimeSpan timeout)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            idle.CancelAfter(timeout);
            using var message = new MemoryStream();
            try
            {
                while (true)
                {
                    var result = await socket.ReceiveAsync(_buffer, idle.Token).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return null;
                    }

                    message.Write(_buffer, 0, result.Count);
                    if (result.EndOfMessage)
                    {
                        return JsonNode.Parse(message.ToArray()) as JsonObject ?? throw new JsonException("A message must be a JSON object.");
                    }
                }
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested && !aborted.IsCancellationRequested)
            {
                throw new TimeoutException();
            }
        }

        public async Task GenerateAsync(FakeRealtimeContext context, string? text)
        {
            if (text is null)
            {
                return;
            }

            var model = KnownModels.Find(modelId)!;
            var cost = model.CreditsFor(text.Length);
            var record = server.Record("WS", $"/v1/text-to-speech/{voiceId}/{(context.Id is null ? "stream-input" : "multi-stream-input")}", text);
            if (!server.Account.TryCharge(cost, out var before, out _))
            {
                var account = server.Account;
                await FailAsync("quota_exceeded", FakeError.QuotaExceeded(account.CharacterLimit, Math.Max(0, account.CharacterLimit - before), cost).Message).ConfigureAwait(false);
                throw new OperationCanceledException("quota exceeded; the socket is closed");
            }

            record.BilledCharacters = cost;
            record.StatusCode = 200;
            if (server.Behavior.FirstByteDelay > TimeSpan.Zero)
            {
                await Task.Delay(server.Behavior.FirstByteDelay, aborted).ConfigureAwait(false);
            }

            var seconds = Math.Max(0.5, text.Length * server.Behavior.SecondsPerCharacter);
            var identity = $"{text}|{voiceId}|{modelId}|{format.Name}|{context.VoiceSettings?.ToJsonString()}";
            var audio = FakeAudio.Bytes(identity, format, seconds);
            var characters = FakeAlignment.Characters(text);
            var perCharacterMs = seconds * 1000 / Math.Max(1, characters.Length);
            var half = characters.Length / 2;
            var split = (int)(audio.LongLength * half / Math.Max(1, characters.Length));
            foreach (var (from, to, start, end) in new[] { (0, half, 0, split), (half, characters.Length, split, audio.Length) })
            {
                var alignment = new JsonObject
                {
                    ["chars"] = new JsonArray([.. characters[from..to].Select(c => (JsonNode)c)]),
                    ["charStartTimesMs"] = new JsonArray([.. Enumerable.Range(0, to - from).Select(i => (JsonNode)(int)Math.Round(i * perCharacterMs))]),
                    ["charDurationsMs"] = new JsonArray([.. Enumerable.Range(0, to - from).Select(_ => (JsonNode)(int)Math.Round(perCharacterMs))]),
                };
                var reply = new JsonObject
                {
                    ["audio"] = Convert.ToBase64String(audio, start, end - start),
                    ["isFinal"] = null,
                    ["normalizedAlignment"] = alignment.DeepClone(),
                    ["alignment"] = alignment,
                };
                if (context.Id is not null)
                {
                    reply["contextId"] = context.Id;
                }

                record.AudioBytesSent += end - start;
                record.ChunksSent++;
                await SendAsync(reply).ConfigureAwait(false);
            }
        }

        public Task FinalAsync(string? contextId)
            => SendAsync(contextId is null ? new JsonObject { ["isFinal"] = true } : new JsonObject { ["isFinal"] = true, ["contextId"] = contextId });

        public async Task FailAsync(string error, string message)
        {
            await SendAsync(new JsonObject { ["message"] = message, ["error"] = error, ["code"] = 1008 }).ConfigureAwait(false);
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, error, aborted).ConfigureAwait(false);
        }

        public Task CloseAsync() => socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, aborted);

        private Task SendAsync(JsonObject message)
            => socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, aborted);
    }
}
