using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>The embedded cache: audio files named by content hash, a SQLite index (WAL), and a bounded memory tier.</summary>
/// <remarks>
/// Layout under <see cref="SpeechCacheOptions.Directory"/>: <c>index.db</c> and <c>blobs/&lt;sha256&gt;</c>. A blob is
/// written (temp file, fsync, rename) before its index row, and an index row is deleted before its blob, so a
/// crash leaves at worst an unreferenced file, which <see cref="VerifyAsync"/> removes. Every disk read is checked
/// against the blob's hash. Hit times and counters are batched in memory and written every few seconds, on
/// <see cref="GetStatsAsync"/>, <see cref="PruneAsync"/> and on dispose. Safe for concurrent use, and several processes
/// may share one directory.
/// </remarks>
public sealed partial class FileSpeechCache : ISpeechCache, ISpeechCacheMemory, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    // Leftovers younger than this may belong to a write still in progress in another process.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private readonly long _maxBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BlobDirectory _blobs;
    private readonly SpeechCacheIndex _index;
    private readonly SpeechCacheActivity _activity;
    private readonly MemorySpeechTier _memory;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ITimer _flushTimer;

    // Bytes stored as last measured, plus what this process stored since; unknown (huge) until the first measure.
    private long _bytesEstimate = long.MaxValue / 2;

    /// <summary>Opens (or creates) the cache in <see cref="SpeechCacheOptions.Directory"/>.</summary>
    public FileSpeechCache(SpeechCacheOptions options, TimeProvider? timeProvider = null, ILogger<FileSpeechCache>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Directory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBytes);
        Directory = Path.GetFullPath(options.Directory);
        _maxBytes = options.MaxBytes;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<FileSpeechCache>.Instance;
        _blobs = new BlobDirectory(Path.Combine(Directory, "blobs"));
        var database = new SqliteCacheDatabase(Path.Combine(Directory, "index.db"), _logger);
        _index = new SpeechCacheIndex(database);
        _activity = new SpeechCacheActivity(database);
        _memory = new MemorySpeechTier(options.MemoryMaxBytes, _time);
        _flushTimer = _time.CreateTimer(_ => _ = FlushQuietlyAsync(), null, FlushInterval, FlushInterval);
    }

    /// <summary>The cache's directory (absolute).</summary>
    public string Directory { get; }

    /// <summary>Bytes of audio held in the memory tier.</summary>
    public long MemoryBytes => _memory.Bytes;

    /// <inheritdoc/>
    public async ValueTask<CachedSpeech?> GetAsync(SpeechCacheKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (GetFromMemory(key) is { } hot)
        {
            return hot;
        }

        return await _index.FindAsync(key.Value, cancellationToken).ConfigureAwait(false) is { } entry
            ? await ReadWholeAsync(key, entry, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private async ValueTask<CachedSpeech?> ReadWholeAsync(SpeechCacheKey key, IndexedSpeech entry, CancellationToken cancellationToken)
    {
        var audio = await _blobs.ReadVerifiedAsync(entry.BlobHash, entry.Size, cancellationToken).ConfigureAwait(false);
        if (audio is null)
        {
            var dropped = await DropIfBadAsync(entry, cancellationToken).ConfigureAwait(false);
            Log.CorruptEntryDropped(_logger, key.Value, entry.BlobHash, dropped);
            return null;
        }

        var speech = entry.ToSpeech(audio);
        _memory.Set(key.Value, speech);
        _activity.Touch(key.Value, NowMs);
        return speech;
    }

    /// <inheritdoc/>
    public CachedSpeech? GetFromMemory(SpeechCacheKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hot = _memory.Get(key.Value);
        if (hot is not null)
        {
            _activity.Touch(key.Value, NowMs);
        }

        return hot;
    }

    /// <inheritdoc/>
    public async Task SetAsync(SpeechCacheKey key, CachedSpeech speech, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(speech);
        var now = NowMs;
        var hash = BlobDirectory.HashOf(speech.Audio.Span);
        var entry = IndexedSpeech.From(key.Value, hash, speech, now);

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _blobs.WriteAsync(hash, speech.Audio, cancellationToken).ConfigureAwait(false);
            var replaced = await _index.UpsertAsync(entry, cancellationToken).ConfigureAwait(false);
            if (replaced is not null && !await _index.IsReferencedAsync(replaced, cancellationToken).ConfigureAwait(false))
            {
                _blobs.Delete(replaced);
            }

            _memory.Set(key.Value, speech with { Created = DateTimeOffset.FromUnixTimeMilliseconds(now) });
        }
        finally
        {
            _writeGate.Release();
        }

        // Measuring sums the whole index, so only do it when this store may have crossed the cap.
        if (Interlocked.Add(ref _bytesEstimate, speech.Audio.Length) > _maxBytes)
        {
            await PruneAsync(_maxBytes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public ValueTask RecordAsync(SpeechCacheStatus status, int creditsSaved, CancellationToken cancellationToken = default)
    {
        _activity.Count(status, creditsSaved);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<SpeechCacheStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await _activity.FlushAsync().ConfigureAwait(false);
        var (entries, bytes) = await _index.MeasureAsync(cancellationToken).ConfigureAwait(false);
        var counters = await _activity.ReadCountersAsync(cancellationToken).ConfigureAwait(false);
        return new SpeechCacheStats(entries, bytes, counters[0], counters[1], counters[2], counters[3], counters[4]);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _flushTimer.DisposeAsync().ConfigureAwait(false);
        await FlushQuietlyAsync().ConfigureAwait(false);
        _writeGate.Dispose();
        _activity.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _flushTimer.Dispose();

        // SQLite's async methods complete synchronously, so this cannot deadlock.
        FlushQuietlyAsync().GetAwaiter().GetResult();
        _writeGate.Dispose();
        _activity.Dispose();
    }

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task FlushQuietlyAsync()
    {
        try
        {
            await _activity.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            Log.FlushFailed(_logger, exception);
        }
    }
}
