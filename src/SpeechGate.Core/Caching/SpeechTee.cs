using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>Reads one upstream response to the end into an <see cref="InFlightSpeech"/>, then stores the whole clip.</summary>
/// <remarks>
/// The upstream call is made with no caller's token: once it may be paid for, it is read to the end and stored even
/// if every reader has gone, so a retry is a hit. A failure, including the upstream's own cancellation or a body
/// cut short (which providers report by throwing), fails the flight and stores nothing.
/// </remarks>
internal sealed partial class SpeechTee(ISpeechCache cache, ILogger logger)
{
    public async Task RunAsync(ISpeechSynthesizer inner, SpeechRequest request, SpeechCacheKey key, InFlightSpeech flight)
    {
        SpeechClip clip;
        SpeechAudio upstream;
        try
        {
            upstream = await inner.SynthesizeAsync(request, CancellationToken.None).ConfigureAwait(false);
            flight.Start(upstream);
            await using (upstream.ConfigureAwait(false))
            {
                // Each chunk is copied once, so readers never see a buffer the provider reuses.
                var teed = new SpeechAudio(upstream.MediaType, Tee(upstream.Chunks, flight));
                clip = await teed.ReadToEndAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            flight.Fail(exception);
            Log.UpstreamFailed(logger, key.Value, exception);
            return;
        }

        flight.Complete();
        if (clip.Audio.IsEmpty)
        {
            Log.EmptyNotStored(logger, key.Value);
            return;
        }

        await StoreAsync(key, upstream, clip).ConfigureAwait(false);
    }

    private async Task StoreAsync(SpeechCacheKey key, SpeechAudio upstream, SpeechClip clip)
    {
        var speech = new CachedSpeech(clip.Audio, clip.MediaType)
        {
            RequestId = upstream.RequestId,
            HistoryItemId = upstream.HistoryItemId,
            BilledCharacters = upstream.BilledCharacters,
            Alignment = clip.Alignment,
            NormalizedAlignment = clip.NormalizedAlignment,
        };
        try
        {
            await cache.SetAsync(key, speech, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The callers already have their audio; only the next request pays again.
            Log.StoreFailed(logger, key.Value, exception);
        }
    }

    private static async IAsyncEnumerable<AudioChunk> Tee(IAsyncEnumerable<AudioChunk> chunks, InFlightSpeech flight, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var owned = chunk with { Audio = chunk.Audio.ToArray() };
            flight.Append(owned);
            yield return owned;
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
    }
}
