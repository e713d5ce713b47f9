namespace SpeechGate.Caching;

/// <summary>Where an in-flight clip's bytes live while it arrives: appended by one writer, read at any offset by many readers.</summary>
/// <remarks>
/// <see cref="FileSpeechSpool"/> is the store's own temporary file, which becomes the stored blob; readers follow it on
/// disk, so memory does not grow with the clip. <see cref="MemorySpeechSpool"/> is for stores that only take finished
/// clips. Appends and disposal come from one writer; reads may run concurrently with both.
/// </remarks>
internal abstract class SpeechSpool : IDisposable
{
    /// <summary>Bytes of audio this spool holds in memory (a file spool holds none).</summary>
    public abstract long MemoryBytes { get; }

    /// <summary>Appends <paramref name="bytes"/>; the caller may reuse them once this completes.</summary>
    public abstract ValueTask AppendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>Reads exactly <paramref name="count"/> bytes at <paramref name="offset"/>, all of which were appended already; the memory returned is the caller's.</summary>
    public abstract ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int count, CancellationToken cancellationToken);

    /// <summary>Stores the whole spooled clip under <paramref name="key"/>, described by <paramref name="described"/> (its audio is ignored).</summary>
    public abstract Task StoreAsync(SpeechCacheKey key, CachedSpeech described, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public abstract void Dispose();
}
