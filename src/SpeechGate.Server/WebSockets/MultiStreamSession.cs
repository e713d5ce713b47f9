using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.WebSockets;

/// <summary>
/// One <c>multi-stream-input</c> socket (elevenlabs-api.md §4): independent contexts, each with its own voice settings,
/// text buffer and continuity, generated in arrival order on one send loop; replies carry <c>contextId</c>, a closed
/// context ends with <c>{"isFinal":true,"contextId"}</c>, <c>close_socket</c> finishes every context and closes 1000.
/// </summary>
/// <remarks>
/// The voice-agent frameworks' sequences (pipecat, LiveKit): init <c>{"text":" ","context_id"}</c>, text, flush,
/// keep-alive <c>{"text":"","context_id"}</c> (empty text never ends anything here, unlike stream-input), close_context
/// (barge-in or end of turn: what was flushed still plays, unflushed text is dropped), next turn on a new context,
/// close_socket. UNVERIFIED: the id of the context a message without <c>context_id</c> addresses (here <c>default</c>),
/// and the inactivity timeout being per socket (any message, keep-alives included, resets it) rather than per context.
/// </remarks>
internal sealed partial class MultiStreamSession(WebSocket socket, ISpeechSynthesizer synthesizer, StreamInputQuery query,
    GatewayKeyStore keys, string? accountId, ILogger logger, CancellationToken aborted) : IDisposable
{
    public const string DefaultContextId = "default";

    private readonly StreamInputSender _sender = new(socket, aborted);
    private readonly MultiStreamReader _reader = new(socket);
    private readonly Channel<MultiStreamWork> _work = Channel.CreateUnbounded<MultiStreamWork>(new() { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
    private readonly Dictionary<string, MultiStreamContext> _contexts = new(StringComparer.Ordinal);
    private SpeechRequest _template = query.Template with { AccountId = accountId == GatewayAuthorization.LocalKeyId ? null : accountId };
    private IReadOnlyList<int> _schedule = [];

    public async Task RunAsync()
    {
        var sender = SendLoopAsync();
        var received = await ReceiveLoopAsync();
        _work.Writer.TryComplete();
        if (received.IsError)
        {
            await _stop.CancelAsync();
        }

        var sent = await sender;
        var outcome = received.IsError ? received : sent;
        if (outcome.IsError)
        {
            await _sender.TrySendAsync(StreamInputReplies.Error(outcome.Message!, outcome.Error!, (int)outcome.CloseStatus));
        }

        await CloseAsync(outcome);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _sender.Dispose();
    }

    private async Task<StreamInputOutcome> ReceiveLoopAsync()
    {
        var first = true;
        while (true)
        {
            MultiStreamMessage message;
            try
            {
                var data = await _reader.ReceiveAsync(query.InactivityTimeout, _stop.Token);
                if (data is null)
                {
                    return StreamInputOutcome.ClientClosed;
                }

                message = MultiStreamMessage.Parse(data.Value.Span);
            }
            catch (TimeoutException)
            {
                return StreamInputOutcome.PolicyViolation("input_timeout_exceeded",
                    $"Have not received a new text input within the timeout of {query.InactivityTimeout.TotalSeconds:0} seconds. Streaming input terminated.");
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return StreamInputOutcome.PolicyViolation("invalid_input_message", "Could not parse input message. " + exception.Message);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
            {
                return _stop.IsCancellationRequested ? StreamInputOutcome.Completed : StreamInputOutcome.ClientClosed;
            }

            if (first && await AuthorizeAsync(message.Message) is { } refused)
            {
                return refused;
            }

            first = false;
            if (message.CloseSocket)
            {
                foreach (var context in _contexts.Values.ToList())
                {
                    Close(context, flush: true);
                }

                return StreamInputOutcome.Completed;
            }

            Handle(message);
        }
    }

    // Our close frame, then the client's: a close (like an error) must reach the client, so the socket is never aborted
    // while it still can be told (see MultiStreamReader).
    private async Task CloseAsync(StreamInputOutcome outcome)
    {
        var description = outcome.Message is { Length: > 120 } ? outcome.Message[..120] : outcome.Message;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(outcome.CloseStatus, description, timeout.Token);
            }

            if (socket.State == WebSocketState.CloseSent)
            {
                await _reader.DrainAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
    }

    private void Handle(MultiStreamMessage message)
    {
        var id = message.ContextId ?? DefaultContextId;
        var text = message.Message.Text;
        if (message.CloseContext)
        {
            if (_contexts.GetValueOrDefault(id) is { } closing)
            {
                Close(closing, flush: false);
            }

            return;
        }

        if (!_contexts.TryGetValue(id, out var context))
        {
            if (text is null or "")
            {
                // A flush or keep-alive for a context that is not open (closed by a barge-in a moment ago): nothing to do.
                return;
            }

            context = new MultiStreamContext(id, _template, _schedule);
            _contexts[id] = context;
        }

        if (message.Message.VoiceSettings is { } settings)
        {
            context.Template = context.Template with { VoiceSettings = settings };
        }

        if (message.Message.PronunciationDictionaryLocators is { } locators)
        {
            context.Template = context.Template with { PronunciationDictionaryLocators = locators };
        }

        if (message.Message.ChunkLengthSchedule.Count > 0)
        {
            context.Schedule.SetSchedule(message.Message.ChunkLengthSchedule);
        }

        // Empty text is a keep-alive: receiving it already reset the inactivity timer.
        context.Schedule.Append(text ?? string.Empty);
        Enqueue(context, message.Message.Flush || query.AutoMode ? context.Schedule.TakeAll() : context.Schedule.TakeScheduled());
    }

    private void Close(MultiStreamContext context, bool flush)
    {
        if (flush)
        {
            Enqueue(context, context.Schedule.TakeAll());
        }

        _contexts.Remove(context.Id);
        _work.Writer.TryWrite(new MultiStreamWork(context, null));
    }

    private async Task<StreamInputOutcome?> AuthorizeAsync(StreamInputMessage init)
    {
        if (accountId is null)
        {
            var key = init.ApiKey ?? query.QueryKey;
            if (key is null)
            {
                return StreamInputOutcome.PolicyViolation("needs_authorization", "Neither authorization header nor xi-api-key received, please provide one.");
            }

            if (await keys.ValidateAsync(key, _stop.Token) is not { } valid)
            {
                return StreamInputOutcome.PolicyViolation("invalid_api_key", "Invalid API key");
            }

            _template = _template with { AccountId = valid.Id };
        }

        // The first message's generation config is the socket's default schedule (the init message of the first context).
        _schedule = init.ChunkLengthSchedule;
        return null;
    }

    private void Enqueue(MultiStreamContext context, string? segment)
    {
        if (segment is not null)
        {
            _work.Writer.TryWrite(new MultiStreamWork(context, context.Template with { Text = segment }));
        }
    }

    private async Task<StreamInputOutcome> SendLoopAsync()
    {
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(_stop.Token))
            {
                if (work.IsFinal)
                {
                    await _sender.SendAsync(MultiStreamReplies.Final(work.Context.Id));
                    continue;
                }

                await GenerateAsync(work.Context, work.Request!);
            }

            return StreamInputOutcome.Completed;
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return StreamInputOutcome.Completed;
        }
        catch (SpeechException exception)
        {
            await _stop.CancelAsync();
            return exception.StatusCode < 500
                ? StreamInputOutcome.PolicyViolation(exception.Status, exception.Message)
                : StreamInputOutcome.InternalError(exception.Status, exception.Message);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogFailure(logger, exception);
            await _stop.CancelAsync();
            return StreamInputOutcome.InternalError("something_went_wrong", "We are sorry, something went wrong.");
        }
    }

    private async Task GenerateAsync(MultiStreamContext context, SpeechRequest request)
    {
        var text = request.Text;
        TextLimits.Ensure(text, request.ModelId);
        await using var audio = await synthesizer.SynthesizeAsync(request with { PreviousText = context.PreviousText }, _stop.Token);
        var chunkStart = 0.0;
        await foreach (var chunk in audio.Chunks.WithCancellation(_stop.Token))
        {
            await _sender.SendAsync(MultiStreamReplies.Audio(chunk, chunkStart, context.Id));
            chunkStart = chunk.Alignment is { CharacterEndTimesSeconds.Count: > 0 } alignment ? alignment.CharacterEndTimesSeconds[^1] : chunkStart;
        }

        var previous = context.PreviousText;
        context.PreviousText = previous is null ? text : (previous + text)[^Math.Min(previous.Length + text.Length, 1000)..];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "multi-stream-input generation failed")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
