using Microsoft.Extensions.Logging;
using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>Reads one upstream response to the end into an <see cref="InFlightSpeech"/>'s spool, then stores the spooled clip.</summary>
/// <remarks>
/// The upstream call is made with no caller's token: once it may be paid for, it is read to the end and stored even
/// if every reader has gone, so a retry is a hit. It is read as fast as the spool takes it (with
/// <see cref="FileSpeechCache"/>, as fast as the disk writes), never at a reader's pace. A failure, including the
/// upstream's own cancellation or a body cut short (which providers report by throwing), fails the flight and stores
/// nothing; so does a spool that could not take the whole clip.
/// </remarks>
internal sealed partial class SpeechTee(ISpeechCache cache, ILogger logger)
{
    public async Task RunAsync(ISpeechSynthesizer inner, SpeechRequest request, SpeechCacheKey key, InFlightSpeech flight)
    {
        SpeechAudio upstream;
        try
        {
            upstream = await inner.SynthesizeAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            flight.Fail(exception);
            Log.UpstreamFailed(logger, key.Value, exception);
            return;
        }

        await using (upstream.ConfigureAwait(false))
        {
            var (spool, spoolFailure) = CreateSpool();
            flight.Start(upstream, spool, spoolFailure);
            try
            {
                await foreach (var chunk in upstream.Chunks.WithCancellation(CancellationToken.None).ConfigureAwait(false))
                {
                    await flight.AppendAsync(chunk).ConfigureAwait(false);
                }
            }
            catch (Exception exception)
            {
                flight.Fail(exception);
                Log.UpstreamFailed(logger, key.Value, exception);
                return;
            }
        }

        flight.Complete();
        if (flight.SpoolFailure is { } lost)
        {
            Log.SpoolFailed(logger, key.Value, lost);
        }
        else if (flight.Length == 0)
        {
            Log.EmptyNotStored(logger, key.Value);
        }
        else
        {
            await StoreAsync(key, upstream, flight).ConfigureAwait(false);
        }
    }

    private (SpeechSpool? Spool, Exception? Failure) CreateSpool()
    {
        if (cache is not ISpeechSpoolStore store)
        {
            return (new MemorySpeechSpool(cache), null);
        }

        try
        {
            return (store.CreateSpool(), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, exception);
        }
    }

    private async Task StoreAsync(SpeechCacheKey key, SpeechAudio upstream, InFlightSpeech flight)
    {
        var (alignment, normalized) = flight.JoinAlignments();
        var described = new CachedSpeech(ReadOnlyMemory<byte>.Empty, upstream.MediaType)
        {
            RequestId = upstream.RequestId,
            HistoryItemId = upstream.HistoryItemId,
            BilledCharacters = upstream.BilledCharacters,
            Alignment = alignment,
            NormalizedAlignment = normalized,
        };
        try
        {
            await flight.StoreAsync(key, described).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The callers already have their audio; only the next request pays again.
            Log.StoreFailed(logger, key.Value, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Upstream call for cache key {Key} failed; nothing stored.")]
        public static partial void UpstreamFailed(ILogger logger, string key, Exception exception);

        [LoggerMessage(2, LogLevel.Warning, "Upstream answered cache key {Key} with no audio; not stored.")]
        public static partial void EmptyNotStored(ILogger logger, string key);

        [LoggerMessage(3, LogLevel.Warning, "Storing cache key {Key} failed; the next identical request pays again.")]
        public static partial void StoreFailed(ILogger logger, string key, Exception exception);

        [LoggerMessage(4, LogLevel.Warning, "The cache could not spool cache key {Key} (is its disk full?); its caller got the audio, nothing was stored, the next identical request pays again.")]
        public static partial void SpoolFailed(ILogger logger, string key, Exception exception);
    }
}
