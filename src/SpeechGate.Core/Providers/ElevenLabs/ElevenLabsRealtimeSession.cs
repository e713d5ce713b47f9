using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SpeechGate.Models;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>
/// A client session's relay over one upstream <c>multi-stream-input</c> WebSocket (elevenlabs-api.md §4): each request
/// (a flushed segment that missed the cache) becomes one upstream context — init with its voice settings, the text with
/// flush, close_context — whose audio streams back until its <c>isFinal</c>. The connection opens on the first request
/// and stays open for the session; <see cref="DisposeAsync"/> sends <c>close_socket</c>.
/// </summary>
/// <remarks>
/// The WebSocket carries no <c>character-cost</c>, so each request is billed at the model's published rate for its
/// characters (what upstream charges for them, §12), which the budget settles and the ledger records per segment.
/// UNVERIFIED: upstream's per-context continuity is not used (each segment is its own context), so a segment does not
/// hear its neighbours as <c>previous_text</c> would on HTTP.
/// </remarks>
internal sealed partial class ElevenLabsRealtimeSession(ElevenLabsOptions options, SpeechRequest template, ILogger logger) : ISpeechSession
{
    private readonly SemaphoreSlim _connect = new(1, 1);
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly ConcurrentDictionary<string, ElevenLabsRealtimeContext> _contexts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private ClientWebSocket? _socket;
    private Task? _receiver;
    private (string Voice, string? Model, string Format)? _shape;
    private volatile SpeechException? _broken;
    private int _next;

    public string Provider => ElevenLabsVoiceDirectory.ProviderName;

    public bool CanServe(SpeechRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var shape = Shape(request);
        return _broken is null && (_shape is null || _shape == shape) && request.LanguageCode == template.LanguageCode && request.Seed == template.Seed;
    }

    public async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await ConnectAsync(request, cancellationToken).ConfigureAwait(false);
        var context = new ElevenLabsRealtimeContext($"sg-{Interlocked.Increment(ref _next)}");
        _contexts[context.Id] = context;
        var init = new JsonObject { ["text"] = " ", ["context_id"] = context.Id };
        if (request.VoiceSettings is { } settings)
        {
            init["voice_settings"] = Settings(settings);
        }

        await SendAsync(init, cancellationToken).ConfigureAwait(false);
        await SendAsync(new JsonObject { ["text"] = request.Text, ["context_id"] = context.Id, ["flush"] = true }, cancellationToken).ConfigureAwait(false);
        await SendAsync(new JsonObject { ["context_id"] = context.Id, ["close_context"] = true }, cancellationToken).ConfigureAwait(false);

        // Like the HTTP provider: return once audio exists, so a refusal before any audio is an exception (nothing billed).
        var chunks = context.Chunks.Reader;
        if (!await chunks.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new SpeechException(502, "upstream_closed", "ElevenLabs ended the realtime context without audio.");
        }

        var model = KnownModels.Find(request.ModelId) ?? KnownModels.Default;
        return new SpeechAudio(request.Format.MediaType, ReadAsync(context, cancellationToken))
        {
            BilledCharacters = model.CreditsFor(request.Text.Length),
            RequestId = context.Id,
            ResolvedVoiceId = request.VoiceId,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket is { State: WebSocketState.Open } socket)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await SendAsync(new JsonObject { ["close_socket"] = true }, timeout.Token).ConfigureAwait(false);
                if (_receiver is not null)
                {
                    await _receiver.WaitAsync(timeout.Token).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or TimeoutException)
            {
                socket.Abort();
            }
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        _closing.Dispose();
        _connect.Dispose();
        _send.Dispose();
    }

    private static (string, string?, string) Shape(SpeechRequest request) => (request.VoiceId, request.ModelId, request.Format.Name);

    private async Task ConnectAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        await _connect.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_broken is { } broken)
            {
                throw broken;
            }

            if (_socket is not null)
            {
                return;
            }

            var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("xi-api-key", options.ApiKey);
            try
            {
                await socket.ConnectAsync(Address(request), cancellationToken).ConfigureAwait(false);
            }
            catch (WebSocketException exception)
            {
                socket.Dispose();
                throw new SpeechException(502, "upstream_unreachable", $"ElevenLabs' realtime WebSocket could not be opened: {exception.Message}", exception);
            }

            _shape = Shape(request);
            _socket = socket;
            _receiver = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        }
        finally
        {
            _connect.Release();
        }
    }

    private Uri Address(SpeechRequest request)
    {
        var baseUrl = options.BaseUrl.AbsoluteUri.TrimEnd('/');
        var query = new StringBuilder($"output_format={Uri.EscapeDataString(request.Format.Name)}&inactivity_timeout=180");
        Append(query, "model_id", request.ModelId);
        Append(query, "language_code", request.LanguageCode);
        Append(query, "seed", request.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(query, "apply_text_normalization", request.ApplyTextNormalization);
        Append(query, "enable_logging", request.EnableLogging is false ? "false" : null);
        var builder = new UriBuilder($"{baseUrl}/v1/text-to-speech/{Uri.EscapeDataString(request.VoiceId)}/multi-stream-input") { Query = query.ToString() };
        builder.Scheme = builder.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        return builder.Uri;
    }

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    private static JsonObject Settings(VoiceSettings settings)
    {
        var json = new JsonObject();
        Add(json, "stability", settings.Stability);
        Add(json, "similarity_boost", settings.SimilarityBoost);
        Add(json, "style", settings.Style);
        Add(json, "speed", settings.Speed);
        if (settings.UseSpeakerBoost is { } boost)
        {
            json["use_speaker_boost"] = boost;
        }

        return json;
    }

    private static void Add(JsonObject json, string name, double? value)
    {
        if (value is { } number)
        {
            json[name] = number;
        }
    }

    private async Task SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket!.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException exception)
        {
            throw new SpeechException(502, "upstream_closed", $"ElevenLabs' realtime WebSocket closed: {exception.Message}", exception);
        }
        finally
        {
            _send.Release();
        }
    }

    private async IAsyncEnumerable<AudioChunk> ReadAsync(ElevenLabsRealtimeContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var chunk in context.Chunks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return chunk;
            }
        }
        finally
        {
            _contexts.TryRemove(context.Id, out _);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var socket = _socket!;
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, _closing.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Fail(new SpeechException(502, "upstream_closed", $"ElevenLabs closed the realtime WebSocket ({socket.CloseStatus} {socket.CloseStatusDescription})."));
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    Dispatch(message.ToArray());
                    message.SetLength(0);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or JsonException)
        {
            Fail(new SpeechException(502, "upstream_closed", $"ElevenLabs' realtime WebSocket failed: {exception.Message}", exception));
        }
    }

    private void Dispatch(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            var text = root.TryGetProperty("message", out var said) ? said.GetString() : null;
            Fail(ElevenLabsRealtimeErrors.From(error.GetString()!, text ?? error.GetString()!));
            return;
        }

        var id = root.TryGetProperty("contextId", out var contextId) ? contextId.GetString() : null;
        if (id is null || !_contexts.TryGetValue(id, out var context))
        {
            // A context the caller abandoned (its audio is no longer wanted) or a message without one.
            return;
        }

        if (root.TryGetProperty("audio", out var audio) && audio.ValueKind == JsonValueKind.String)
        {
            var alignment = Alignment(context, root, "alignment");
            var normalized = Alignment(context, root, "normalizedAlignment") ?? alignment;
            context.Advance(alignment);
            context.Chunks.Writer.TryWrite(new AudioChunk(audio.GetBytesFromBase64()) { Alignment = alignment, NormalizedAlignment = normalized });
        }

        if (root.TryGetProperty("isFinal", out var final) && final.ValueKind == JsonValueKind.True)
        {
            context.Chunks.Writer.TryComplete();
        }
    }

    private static CharacterAlignment? Alignment(ElevenLabsRealtimeContext context, JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var alignment) || alignment.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return context.ToClipTime(
            alignment.TryGetProperty("chars", out var chars) ? [.. chars.EnumerateArray().Select(c => c.GetString() ?? string.Empty)] : null,
            alignment.TryGetProperty("charStartTimesMs", out var starts) ? [.. starts.EnumerateArray().Select(s => s.GetInt32())] : null,
            alignment.TryGetProperty("charDurationsMs", out var durations) ? [.. durations.EnumerateArray().Select(d => d.GetInt32())] : null);
    }

    private void Fail(SpeechException exception)
    {
        _broken ??= exception;
        LogBroken(logger, exception.Status, exception.Message);
        foreach (var context in _contexts.Values)
        {
            context.Chunks.Writer.TryComplete(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "ElevenLabs realtime relay ended: {Status} {Reason}")]
    private static partial void LogBroken(ILogger logger, string status, string reason);
}
