using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>Answers repeated requests from <see cref="ISpeechCache"/>, and shares one upstream call among identical concurrent misses.</summary>
/// <remarks>
/// A miss is streamed to its caller while being teed into the store; identical requests arriving meanwhile read the
/// same bytes as they arrive. Hits and coalesced requests cost nothing (<see cref="SpeechAudio.BilledCharacters"/> is 0).
/// Failures are never stored, and a failed flight is forgotten, so the next identical request makes a fresh call.
/// </remarks>
internal sealed partial class CachingSpeechSynthesizer(ISpeechSynthesizer inner, ISpeechCache cache, SpeechRequestResolver resolver, ILogger logger)
    : DelegatingSpeechSynthesizer(inner)
{
    private readonly ConcurrentDictionary<SpeechCacheKey, InFlightSpeech> _flights = new();
    private readonly ConcurrentDictionary<Task, byte> _tees = new();
    private readonly SpeechTee _tee = new(cache, logger);
    private long _finishedFlights;

    /// <inheritdoc/>
    public override async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        request = resolver.Complete(request);
        var key = SpeechCacheKey.From(request);
        if (request.BypassCache)
        {
            return await LeadAsync(key, request, new InFlightSpeech(), SpeechCacheStatus.Bypass, cancellationToken).ConfigureAwait(false);
        }

        var finished = Interlocked.Read(ref _finishedFlights);
        if (_flights.TryGetValue(key, out var flight))
        {
            return await JoinAsync(key, request, flight, cancellationToken).ConfigureAwait(false);
        }

        if (await TryGetAsync(key, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            return await ServeAsync(key, hit).ConfigureAwait(false);
        }

        // A flight whose spool fails stops taking joiners: the rest of its audio goes to its leader alone.
        var mine = new InFlightSpeech(lost => _flights.TryRemove(KeyValuePair.Create(key, lost)));
        flight = _flights.GetOrAdd(key, mine);
        if (flight != mine)
        {
            return await JoinAsync(key, request, flight, cancellationToken).ConfigureAwait(false);
        }

        // A flight that finished between our lookup and our claim has stored its clip: answer from it, not from a new call.
        if (Interlocked.Read(ref _finishedFlights) != finished && await TryGetAsync(key, CancellationToken.None).ConfigureAwait(false) is { } found)
        {
            // Rare (a flight landed in between), so its joiners get the clip whole from memory, even a long one.
            var stored = new StoredSpeech(await found.LoadAsync(CancellationToken.None).ConfigureAwait(false), null);
            await PublishAsync(mine, stored.Speech).ConfigureAwait(false);
            _flights.TryRemove(KeyValuePair.Create(key, mine));
            mine.ReleaseWriter();
            return await ServeAsync(key, stored).ConfigureAwait(false);
        }

        return await LeadAsync(key, request, mine, SpeechCacheStatus.Miss, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes when every upstream response started so far has been read to the end and stored (or has failed).</summary>
    internal Task WhenIdleAsync() => Task.WhenAll(_tees.Keys);

    /// <summary>Paid responses still being read are finished and stored before the pipeline goes away (bounded).</summary>
    protected override async ValueTask DisposeAsyncCore()
    {
        await WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    private async Task<SpeechAudio> LeadAsync(SpeechCacheKey key, SpeechRequest request, InFlightSpeech flight, SpeechCacheStatus status, CancellationToken cancellationToken)
    {
        // Opened before the tee starts, so the flight cannot close before its caller reads it.
        var reader = flight.OpenLeader();
        var tee = RunTeeAsync(key, request, flight, registered: status != SpeechCacheStatus.Bypass);
        _tees.TryAdd(tee, 0);
        _ = tee.ContinueWith(done => _tees.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await cache.RecordAsync(status, 0, CancellationToken.None).ConfigureAwait(false);

        // The caller may stop waiting; the upstream call goes on and is stored regardless.
        var upstream = await StartedAsync(flight, reader, cancellationToken).ConfigureAwait(false);

        // The leader's answer is the upstream's (its charge and its warnings, e.g. a soft budget exceeded) over the flight's chunks.
        return Describe(upstream, reader.ReadAsync(cancellationToken), key, status) with { Resource = reader };
    }

    private async Task RunTeeAsync(SpeechCacheKey key, SpeechRequest request, InFlightSpeech flight, bool registered)
    {
        try
        {
            await _tee.RunAsync(Inner, request, key, flight).ConfigureAwait(false);
        }
        finally
        {
            // Counted before removal, so a request that missed the flight and the store is sure to look again.
            Interlocked.Increment(ref _finishedFlights);
            if (registered)
            {
                _flights.TryRemove(KeyValuePair.Create(key, flight));
            }

            flight.ReleaseWriter();
        }
    }

    private async Task<SpeechAudio> JoinAsync(SpeechCacheKey key, SpeechRequest request, InFlightSpeech flight, CancellationToken cancellationToken)
    {
        if (!flight.TryOpenReader(leader: false, out var reader))
        {
            // It landed (or failed) and closed since we found it, and is no longer offered: ask again.
            return await SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var upstream = await StartedAsync(flight, reader, cancellationToken).ConfigureAwait(false);
        await cache.RecordAsync(SpeechCacheStatus.Coalesced, upstream.BilledCharacters, CancellationToken.None).ConfigureAwait(false);

        // A joiner paid nothing: the leader's charge and budget warnings are not its own.
        return Describe(upstream, reader.ReadAsync(cancellationToken), key, SpeechCacheStatus.Coalesced) with { BilledCharacters = 0, Warnings = [], Resource = reader };
    }

    private static async Task<SpeechAudio> StartedAsync(InFlightSpeech flight, InFlightSpeech.Reader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await flight.Started.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<SpeechAudio> ServeAsync(SpeechCacheKey key, StoredSpeech stored)
    {
        var hit = stored.Speech;
        await cache.RecordAsync(SpeechCacheStatus.Hit, hit.BilledCharacters, CancellationToken.None).ConfigureAwait(false);
        return new SpeechAudio(hit.MediaType, stored.ReadAsync())
        {
            RequestId = hit.RequestId,
            HistoryItemId = hit.HistoryItemId,
            CacheStatus = SpeechCacheStatus.Hit,
            CacheKey = key.Value,
            Resource = stored.Blob,
        };
    }

    private async ValueTask<StoredSpeech?> TryGetAsync(SpeechCacheKey key, CancellationToken cancellationToken)
    {
        try
        {
            // A store of files streams a long clip from disk; any other store returns it whole.
            return cache is ISpeechBlobStore blobs
                ? await blobs.OpenAsync(key, cancellationToken).ConfigureAwait(false)
                : await cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } hit ? new StoredSpeech(hit, null) : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A broken store costs money, not availability: answer as a miss.
            Log.LookupFailed(logger, key.Value, exception);
            return null;
        }
    }

    private static async Task PublishAsync(InFlightSpeech flight, CachedSpeech hit)
    {
        flight.Start(
            new SpeechAudio(hit.MediaType, Once(default)) { RequestId = hit.RequestId, HistoryItemId = hit.HistoryItemId, BilledCharacters = hit.BilledCharacters },
            new MemorySpeechSpool(store: null, copyAppends: false));
        await flight.AppendAsync(ToChunk(hit)).ConfigureAwait(false);
        flight.Complete();
    }

    // Everything the stages below said, over the flight's chunks; the upstream resource belongs to the flight's reader.
    private static SpeechAudio Describe(SpeechAudio upstream, IAsyncEnumerable<AudioChunk> chunks, SpeechCacheKey key, SpeechCacheStatus status)
        => upstream with { Chunks = chunks, Resource = null, CacheStatus = status, CacheKey = key.Value };

    private static AudioChunk ToChunk(CachedSpeech hit) => new(hit.Audio) { Alignment = hit.Alignment, NormalizedAlignment = hit.NormalizedAlignment };

    private static async IAsyncEnumerable<AudioChunk> Once(AudioChunk chunk, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Task.CompletedTask.ConfigureAwait(false);
        yield return chunk;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Cache lookup for {Key} failed; answering as a miss.")]
        public static partial void LookupFailed(ILogger logger, string key, Exception exception);
    }
}
