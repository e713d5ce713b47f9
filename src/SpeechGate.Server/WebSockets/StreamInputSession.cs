using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.WebSockets;

/// <summary>
/// One <c>stream-input</c> socket: receives text, generates scheduled segments in order on a second loop, sends audio
/// with chunk-relative alignment, then <c>{"isFinal":true}</c> and a normal close (the Python SDK reads until close).
/// </summary>
internal sealed partial class StreamInputSession(WebSocket socket, ISpeechSynthesizer synthesizer, StreamInputQuery query,
    GatewayKeyStore keys, string? accountId, ILogger logger, CancellationToken aborted) : IDisposable
{
    private readonly StreamInputSender _sender = new(socket, aborted);
    private readonly Channel<string> _segments = Channel.CreateUnbounded<string>(new() { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
    private readonly TextSchedule _schedule = new([]);
    private readonly StreamInputReader _reader = new(socket);
    private SpeechRequest _template = query.Template with { AccountId = accountId == GatewayAuthorization.LocalKeyId ? null : accountId };

    public async Task RunAsync()
    {
        var sender = SendLoopAsync();
        var received = await ReceiveLoopAsync();
        _segments.Writer.TryComplete();
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
        else if (!received.ByClient)
        {
            await _sender.TrySendAsync(StreamInputReplies.Final());
        }

        await _sender.CloseAsync(outcome.CloseStatus, outcome.Message);
        await _reader.DrainAsync(TimeSpan.FromSeconds(5));
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
            StreamInputMessage message;
            try
            {
                var data = await _reader.ReceiveAsync(query.InactivityTimeout, _stop.Token);
                if (data is null)
                {
                    return StreamInputOutcome.ClientClosed;
                }

                message = StreamInputMessage.Parse(data.Value.Span);
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

            if (first && await StartAsync(message) is { } refused)
            {
                return refused;
            }

            first = false;
            if (message.Text is "")
            {
                Enqueue(_schedule.TakeAll());
                return StreamInputOutcome.Completed;
            }

            _schedule.Append(message.Text ?? string.Empty);
            Enqueue(message.Flush || query.AutoMode ? _schedule.TakeAll() : _schedule.TakeScheduled());
        }
    }

    private async Task<StreamInputOutcome?> StartAsync(StreamInputMessage init)
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

        _template = _template with
        {
            VoiceSettings = init.VoiceSettings ?? _template.VoiceSettings,
            PronunciationDictionaryLocators = init.PronunciationDictionaryLocators ?? _template.PronunciationDictionaryLocators,
        };
        _schedule.SetSchedule(init.ChunkLengthSchedule);
        return null;
    }

    private void Enqueue(string? segment)
    {
        if (segment is not null)
        {
            _segments.Writer.TryWrite(segment);
        }
    }

    private async Task<StreamInputOutcome> SendLoopAsync()
    {
        string? previous = null;
        try
        {
            await foreach (var text in _segments.Reader.ReadAllAsync(_stop.Token))
            {
                TextLimits.Ensure(text, _template.ModelId);
                await using var audio = await synthesizer.SynthesizeAsync(_template with { Text = text, PreviousText = previous }, _stop.Token);
                var chunkStart = 0.0;
                await foreach (var chunk in audio.Chunks.WithCancellation(_stop.Token))
                {
                    await _sender.SendAsync(StreamInputReplies.Audio(chunk, chunkStart));
                    chunkStart = chunk.Alignment is { CharacterEndTimesSeconds.Count: > 0 } alignment ? alignment.CharacterEndTimesSeconds[^1] : chunkStart;
                }

                previous = previous is null ? text : (previous + text)[^Math.Min(previous.Length + text.Length, 1000)..];
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

    [LoggerMessage(Level = LogLevel.Error, Message = "stream-input generation failed")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
