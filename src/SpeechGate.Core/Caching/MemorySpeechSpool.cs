namespace SpeechGate.Caching;

/// <summary>A spool in memory: for stores that take only finished clips (<see cref="ISpeechCache.SetAsync"/>), and for clips already finished.</summary>
/// <remarks>Holds the whole clip, as the cache did before it spooled to disk; <see cref="FileSpeechCache"/> never uses it.</remarks>
internal sealed class MemorySpeechSpool(ISpeechCache? store, bool copyAppends = true) : SpeechSpool
{
    private readonly Lock _lock = new();
    private readonly List<Segment> _segments = [];
    private long _length;

    /// <inheritdoc/>
    public override long MemoryBytes => Interlocked.Read(ref _length);

    /// <inheritdoc/>
    public override ValueTask AppendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (bytes.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        // Providers may reuse their buffers once a chunk is handed on.
        var kept = copyAppends ? bytes.ToArray() : bytes;
        lock (_lock)
        {
            _segments.Add(new Segment(_length, kept));
            _length += kept.Length;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public override ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _segments.FindLastIndex(s => s.Start <= offset);
            var first = _segments[index];
            var within = (int)(offset - first.Start);
            if (within + count <= first.Bytes.Length)
            {
                return ValueTask.FromResult(first.Bytes.Slice(within, count));
            }

            // The read spans segments: join them.
            var joined = new byte[count];
            var written = 0;
            for (var i = index; written < count; i++, within = 0)
            {
                var piece = _segments[i].Bytes.Span[within..];
                piece = piece[..Math.Min(piece.Length, count - written)];
                piece.CopyTo(joined.AsSpan(written));
                written += piece.Length;
            }

            return ValueTask.FromResult<ReadOnlyMemory<byte>>(joined);
        }
    }

    /// <inheritdoc/>
    public override async Task StoreAsync(SpeechCacheKey key, CachedSpeech described, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            throw new InvalidOperationException("This spool holds a clip that is already stored.");
        }

        var length = (int)Interlocked.Read(ref _length);
        var audio = length == 0 ? ReadOnlyMemory<byte>.Empty : await ReadAsync(0, length, cancellationToken).ConfigureAwait(false);
        await store.SetAsync(key, described with { Audio = audio }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
    }

    private readonly record struct Segment(long Start, ReadOnlyMemory<byte> Bytes);
}
