namespace SpeechGate.Caching;

/// <content>Clips written into the store while they arrive (<see cref="ISpeechSpoolStore"/>).</content>
public sealed partial class FileSpeechCache : ISpeechSpoolStore
{
    /// <inheritdoc/>
    SpeechSpool ISpeechSpoolStore.CreateSpool() => _blobs.CreateSpool(this);

    /// <summary>Publishes a whole spooled clip: fsync, rename to its hash, index row; then the memory tier if it is small.</summary>
    /// <remarks>
    /// Like <see cref="SetAsync"/>, but the bytes are already on disk and were hashed as they were written. Only clips up
    /// to a sixteenth of the memory tier are read back into it here; longer ones enter it on their first hit, so a long
    /// clip does not cost its length in memory the moment it lands.
    /// </remarks>
    internal async Task PublishAsync(SpeechCacheKey key, FileSpeechSpool spool, CachedSpeech described, CancellationToken cancellationToken)
    {
        var hash = spool.Seal();
        var size = spool.Length;
        var now = NowMs;
        var entry = IndexedSpeech.From(key.Value, hash, described, now) with { Size = size };
        var hot = size <= _memory.MaxBytes / 16
            ? described with { Audio = await spool.ReadAsync(0, (int)size, cancellationToken).ConfigureAwait(false), Created = DateTimeOffset.FromUnixTimeMilliseconds(now) }
            : null;

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _blobs.Adopt(spool.Path, hash);
            spool.MarkPublished();
            var replaced = await _index.UpsertAsync(entry, cancellationToken).ConfigureAwait(false);
            if (replaced is not null && !await _index.IsReferencedAsync(replaced, cancellationToken).ConfigureAwait(false))
            {
                _blobs.Delete(replaced);
            }

            if (hot is null)
            {
                _memory.Remove(key.Value);
            }
            else
            {
                _memory.Set(key.Value, hot);
            }
        }
        finally
        {
            _writeGate.Release();
        }

        if (Interlocked.Add(ref _bytesEstimate, size) > _maxBytes)
        {
            await PruneAsync(_maxBytes, cancellationToken).ConfigureAwait(false);
        }
    }
}
