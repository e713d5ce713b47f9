using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace SpeechGate.Caching;

/// <summary>A clip written into <see cref="FileSpeechCache"/>'s temporary file as it arrives, and hashed on the way in.</summary>
/// <remarks>
/// One handle serves the writer and every reader through positional reads and writes, so a reader keeps reading
/// after the file is renamed into place (or deleted) and nothing is buffered in memory. Published by
/// <see cref="FileSpeechCache"/> (fsync, rename to its hash, index row); otherwise deleted when disposed.
/// </remarks>
internal sealed class FileSpeechSpool : SpeechSpool
{
    private readonly FileSpeechCache _owner;
    private readonly SafeFileHandle _handle;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _length;
    private bool _published;

    public FileSpeechSpool(FileSpeechCache owner, string path)
    {
        _owner = owner;
        Path = path;
        _handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
    }

    /// <summary>Where the temporary file is, until it is published.</summary>
    public string Path { get; }

    /// <summary>Bytes appended so far.</summary>
    public long Length => Interlocked.Read(ref _length);

    /// <inheritdoc/>
    public override long MemoryBytes => 0;

    /// <inheritdoc/>
    public override async ValueTask AppendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await RandomAccess.WriteAsync(_handle, bytes, _length, cancellationToken).ConfigureAwait(false);
        _hash.AppendData(bytes.Span);
        Interlocked.Add(ref _length, bytes.Length);
    }

    /// <inheritdoc/>
    public override async ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        for (var read = 0; read < count;)
        {
            var got = await RandomAccess.ReadAsync(_handle, buffer.AsMemory(read), offset + read, cancellationToken).ConfigureAwait(false);
            if (got == 0)
            {
                throw new EndOfStreamException($"The cache's temporary file {Path} is shorter than what was written to it.");
            }

            read += got;
        }

        return buffer;
    }

    /// <inheritdoc/>
    public override Task StoreAsync(SpeechCacheKey key, CachedSpeech described, CancellationToken cancellationToken)
        => _owner.PublishAsync(key, this, described, cancellationToken);

    /// <summary>Flushes the file to disk and returns the SHA-256 of everything appended (hex); call once, when the clip is whole.</summary>
    public string Seal()
    {
        RandomAccess.FlushToDisk(_handle);
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    /// <summary>Marks the file as renamed into the store, so disposing leaves it.</summary>
    public void MarkPublished() => _published = true;

    /// <inheritdoc/>
    public override void Dispose()
    {
        _handle.Dispose();
        _hash.Dispose();
        if (_published)
        {
            return;
        }

        try
        {
            File.Delete(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file: `cache verify` removes it once it is stale.
        }
    }
}
