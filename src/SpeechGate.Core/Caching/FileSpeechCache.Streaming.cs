namespace SpeechGate.Caching;

/// <content>Hits on clips too long for the memory tier, streamed from their blob (<see cref="ISpeechBlobStore"/>).</content>
public sealed partial class FileSpeechCache : ISpeechBlobStore
{
    /// <summary>Clips up to this size are read whole even when the memory tier is off or smaller: streaming them saves nothing.</summary>
    internal const long StreamedAbove = 1L << 20;

    /// <inheritdoc/>
    /// <remarks>
    /// A clip longer than the memory tier (so never kept in it) is checked against its hash one window at a time and
    /// then read from the same handle as the caller reads: a hit holds one window, not the clip.
    /// </remarks>
    async ValueTask<StoredSpeech?> ISpeechBlobStore.OpenAsync(SpeechCacheKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (GetFromMemory(key) is { } hot)
        {
            return new StoredSpeech(hot, null);
        }

        if (await _index.FindAsync(key.Value, cancellationToken).ConfigureAwait(false) is not { } entry)
        {
            return null;
        }

        if (entry.Size <= Math.Max(_memory.MaxBytes, StreamedAbove))
        {
            return await ReadWholeAsync(key, entry, cancellationToken).ConfigureAwait(false) is { } whole ? new StoredSpeech(whole, null) : null;
        }

        if (await _blobs.OpenVerifiedAsync(entry.BlobHash, entry.Size, cancellationToken).ConfigureAwait(false) is not { } blob)
        {
            var dropped = await DropIfBadAsync(entry, cancellationToken).ConfigureAwait(false);
            Log.CorruptEntryDropped(_logger, key.Value, entry.BlobHash, dropped);
            return null;
        }

        _activity.Touch(key.Value, NowMs);
        return new StoredSpeech(entry.ToSpeech([]), blob);
    }
}
