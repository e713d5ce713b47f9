using Microsoft.Extensions.Logging;

namespace SpeechGate.Caching;

/// <content>Eviction, verification and dropping corrupt entries.</content>
public sealed partial class FileSpeechCache
{
    /// <inheritdoc/>
    public async Task<SpeechCachePruneResult> PruneAsync(long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        await _activity.FlushAsync().ConfigureAwait(false);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (_, total) = await _index.MeasureAsync(cancellationToken).ConfigureAwait(false);
            if (total <= maxBytes)
            {
                Interlocked.Exchange(ref _bytesEstimate, total);
                return new SpeechCachePruneResult(0, 0, total);
            }

            // Least recently hit first; a blob shared by several keys is freed with its last key.
            var entries = await _index.ListAsync(cancellationToken).ConfigureAwait(false);
            var references = entries.CountBy(e => e.BlobHash).ToDictionary();
            var victims = new List<IndexedSpeech>();
            long freed = 0;
            foreach (var entry in entries.TakeWhile(_ => total - freed > maxBytes))
            {
                victims.Add(entry);
                if (--references[entry.BlobHash] == 0)
                {
                    freed += entry.Size;
                }
            }

            foreach (var unused in await _index.DeleteAsync(victims, cancellationToken).ConfigureAwait(false))
            {
                _blobs.Delete(unused);
            }

            victims.ForEach(victim => _memory.Remove(victim.Key));
            Interlocked.Exchange(ref _bytesEstimate, total - freed);
            Log.Pruned(_logger, victims.Count, freed);
            return new SpeechCachePruneResult(victims.Count, freed, total - freed);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<SpeechCacheVerifyResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var entries = await _index.ListAsync(cancellationToken).ConfigureAwait(false);
        long bad = 0;
        foreach (var blob in entries.GroupBy(e => e.BlobHash))
        {
            var entry = blob.First();
            if (!await _blobs.IsIntactAsync(entry.BlobHash, entry.Size, cancellationToken).ConfigureAwait(false))
            {
                bad += await DropIfBadAsync(entry, cancellationToken).ConfigureAwait(false);
            }
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var referenced = (await _index.ListAsync(cancellationToken).ConfigureAwait(false)).Select(e => e.BlobHash).ToHashSet(StringComparer.Ordinal);
            var orphans = _blobs.RemoveStale(referenced.Contains, (_time.GetUtcNow() - StaleAfter).UtcDateTime);
            return new SpeechCacheVerifyResult(entries.Count, bad, orphans);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Drops every entry stored in the entry's blob, and the blob, unless a concurrent store has just rewritten it.</summary>
    private async Task<int> DropIfBadAsync(IndexedSpeech entry, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await _blobs.IsIntactAsync(entry.BlobHash, entry.Size, cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            var keys = await _index.DeleteBlobAsync(entry.BlobHash, cancellationToken).ConfigureAwait(false);
            _blobs.Delete(entry.BlobHash);
            keys.ForEach(_memory.Remove);
            return keys.Count;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Cache entry {Key} failed its hash check (blob {BlobHash}); dropped {Dropped} entries, the next request refetches it.")]
        public static partial void CorruptEntryDropped(ILogger logger, string key, string blobHash, int dropped);

        [LoggerMessage(2, LogLevel.Information, "Cache evicted {Entries} entries ({Bytes} bytes), least recently hit first.")]
        public static partial void Pruned(ILogger logger, int entries, long bytes);

        [LoggerMessage(3, LogLevel.Warning, "Writing cache hit statistics failed; they are lost, the audio is not.")]
        public static partial void FlushFailed(ILogger logger, Exception exception);
    }
}
