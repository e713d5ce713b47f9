using System.Text.Json;
using SpeechGate.Providers.Local;
using SpeechGate.Server.Endpoints.TextToSpeech;

namespace SpeechGate.Server.Endpoints.OpenAI;

/// <summary>Writes the OpenAI route's answer as it arrives: the audio body, or server-sent events with base64 audio.</summary>
/// <remarks>As on the ElevenLabs routes, a failure after the first byte aborts the connection instead of a retryable status.</remarks>
internal sealed partial class OpenAISpeechWriter(ILogger<OpenAISpeechWriter> logger)
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    public Task WriteAudioAsync(HttpContext context, StartedSpeech speech, OpenAIResponseFormat format)
    {
        SpeechResponseHeaders.Apply(context, speech.Audio, format.TranscodeToFlac ? PcmTranscoding.FlacMediaType : speech.Audio.MediaType);
        return StreamAsync(context, Audio(speech, format, context.RequestAborted), static (body, bytes, token) => body.WriteAsync(bytes, token).AsTask());
    }

    /// <summary><c>stream_format: "sse"</c>: <c>speech.audio.delta</c> events, then one <c>speech.audio.done</c>.</summary>
    public Task WriteEventsAsync(HttpContext context, StartedSpeech speech, OpenAIResponseFormat format)
    {
        SpeechResponseHeaders.Apply(context, speech.Audio, "text/event-stream");
        context.Response.Headers.CacheControl = "no-cache";
        return StreamAsync(context, WithDone(Audio(speech, format, context.RequestAborted)), static async (body, bytes, token) =>
        {
            await body.WriteAsync(DataPrefix, token);
            await using (var writer = new Utf8JsonWriter(body))
            {
                writer.WriteStartObject();
                if (bytes.IsEmpty)
                {
                    // OpenAI counts tokens; the gateway does not tokenise, so it reports none (credits are in character-cost).
                    writer.WriteString("type", "speech.audio.done");
                    writer.WriteStartObject("usage");
                    writer.WriteNumber("input_tokens", 0);
                    writer.WriteNumber("output_tokens", 0);
                    writer.WriteNumber("total_tokens", 0);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteString("type", "speech.audio.delta");
                    writer.WriteBase64String("audio", bytes.Span);
                }

                writer.WriteEndObject();
            }

            await body.WriteAsync(EventEnd, token);
        });
    }

    private static IAsyncEnumerable<ReadOnlyMemory<byte>> Audio(StartedSpeech speech, OpenAIResponseFormat format, CancellationToken token)
    {
        var audio = speech.ReadAllAsync(token).Select(chunk => chunk.Audio);
        return format.TranscodeToFlac ? PcmTranscoding.ToFlacAsync(audio, format.Upstream.SampleRate, token) : audio;
    }

    // An empty block stands for the end: delta events never carry empty audio.
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> WithDone(IAsyncEnumerable<ReadOnlyMemory<byte>> audio)
    {
        await foreach (var bytes in audio)
        {
            if (!bytes.IsEmpty)
            {
                yield return bytes;
            }
        }

        yield return ReadOnlyMemory<byte>.Empty;
    }

    private async Task StreamAsync(HttpContext context, IAsyncEnumerable<ReadOnlyMemory<byte>> blocks, Func<Stream, ReadOnlyMemory<byte>, CancellationToken, Task> write)
    {
        var body = context.Response.Body;
        var token = context.RequestAborted;
        try
        {
            await foreach (var bytes in blocks.WithCancellation(token))
            {
                await write(body, bytes, token);
                await body.FlushAsync(token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client went away; the cache stage (if any) finishes the paid upstream read on its own.
        }
        catch (Exception exception) when (context.Response.HasStarted)
        {
            LogBrokenStream(logger, exception);
            context.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenAI speech stream failed after the response started; aborting the connection")]
    private static partial void LogBrokenStream(ILogger logger, Exception exception);
}
