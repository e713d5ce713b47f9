using System.Text.Json;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Endpoints.TextToSpeech;

/// <summary>Writes synthesis results as they arrive: raw audio, NDJSON with timestamps, or one timestamps JSON.</summary>
/// <remarks>
/// Once a byte is sent the status is committed, so a later failure aborts the connection (a truncated body) instead of
/// turning into an error status the SDKs would retry and pay for again.
/// </remarks>
internal sealed partial class SpeechResponseWriter(ILogger<SpeechResponseWriter> logger)
{
    // UNVERIFIED: upstream's Content-Type for the NDJSON stream; both SDKs split on "\n" and ignore it.
    public const string NdjsonContentType = "application/x-ndjson";

    private static readonly byte[] Newline = [(byte)'\n'];

    public Task WriteAudioAsync(HttpContext context, StartedSpeech speech)
    {
        SpeechResponseHeaders.Apply(context, speech.Audio, speech.Audio.MediaType);
        return speech.Audio.CacheStatus == SpeechCacheStatus.Hit
            ? WriteWholeAsync(context, speech)
            : StreamAsync(context, speech, static (body, chunk, token) => body.WriteAsync(chunk.Audio, token).AsTask());
    }

    // A hit held in memory is one chunk over the cached bytes: send it with a Content-Length in one write, no copy. A clip
    // too long for the memory tier comes from disk in windows: send each as it is read, never gathered (no Content-Length).
    private async Task WriteWholeAsync(HttpContext context, StartedSpeech speech)
    {
        var token = context.RequestAborted;
        try
        {
            var chunks = speech.ReadAllAsync(token).GetAsyncEnumerator(token);
            await using (chunks)
            {
                var first = await chunks.MoveNextAsync() ? chunks.Current.Audio : ReadOnlyMemory<byte>.Empty;
                if (!await chunks.MoveNextAsync())
                {
                    context.Response.ContentLength = first.Length;
                    await context.Response.Body.WriteAsync(first, token);
                    return;
                }

                await context.Response.Body.WriteAsync(first, token);
                do
                {
                    await context.Response.Body.WriteAsync(chunks.Current.Audio, token);
                }
                while (await chunks.MoveNextAsync());
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client went away; nothing was paid for a hit.
        }
        catch (Exception exception) when (context.Response.HasStarted)
        {
            LogBrokenStream(logger, exception);
            context.Abort();
        }
    }

    public Task WriteNdjsonAsync(HttpContext context, StartedSpeech speech)
    {
        SpeechResponseHeaders.Apply(context, speech.Audio, NdjsonContentType);
        return StreamAsync(context, speech, static async (body, chunk, token) =>
        {
            await using (var writer = new Utf8JsonWriter(body))
            {
                TimestampsJson.Write(writer, chunk.Audio.Span, chunk.Alignment, chunk.NormalizedAlignment);
            }

            await body.WriteAsync(Newline, token);
        });
    }

    public static async Task WriteTimestampsJsonAsync(HttpContext context, StartedSpeech speech)
    {
        var clip = await new SpeechAudio(speech.Audio.MediaType, speech.ReadAllAsync(context.RequestAborted)).ReadToEndAsync(context.RequestAborted);
        SpeechResponseHeaders.Apply(context, speech.Audio, "application/json");
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            TimestampsJson.Write(writer, clip.Audio.Span, clip.Alignment, clip.NormalizedAlignment);
        }

        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }

    private async Task StreamAsync(HttpContext context, StartedSpeech speech, Func<Stream, AudioChunk, CancellationToken, Task> write)
    {
        var body = context.Response.Body;
        var token = context.RequestAborted;
        try
        {
            await foreach (var chunk in speech.ReadAllAsync(token))
            {
                await write(body, chunk, token);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audio stream failed after the response started; aborting the connection")]
    private static partial void LogBrokenStream(ILogger logger, Exception exception);
}
