using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>A stored blob opened once, checked against its hash window by window, then read from the same handle.</summary>
/// <remarks>
/// Blobs are never written in place (a new take is renamed over the name, an eviction unlinks it), so the bytes read
/// after the check are the bytes checked, even if the name is replaced or deleted meanwhile. Checking and reading each
/// hold one window at a time: a hit on a clip of any length costs <see cref="WindowSize"/> of memory, not the clip.
/// </remarks>
internal sealed class VerifiedBlob : IAsyncDisposable
{
    /// <summary>The most read at once, both to check and to serve (below the large-object threshold).</summary>
    public const int WindowSize = 64 * 1024;

    private readonly SafeFileHandle _handle;

    private VerifiedBlob(SafeFileHandle handle, long length)
    {
        _handle = handle;
        Length = length;
    }

    /// <summary>Bytes in the blob.</summary>
    public long Length { get; }

    /// <summary>Opens <paramref name="path"/> and checks its length and SHA-256; null when it is missing or does not match.</summary>
    public static async Task<VerifiedBlob?> OpenAsync(string path, string hash, long expectedLength, CancellationToken cancellationToken)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var blob = new VerifiedBlob(handle, expectedLength);
        try
        {
            if (RandomAccess.GetLength(handle) == expectedLength && string.Equals(await blob.HashAsync(cancellationToken).ConfigureAwait(false), hash, StringComparison.Ordinal))
            {
                return blob;
            }
        }
        catch
        {
            await blob.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await blob.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>The clip in windows of at most <see cref="WindowSize"/>, the first carrying the clip's alignment; each window's memory is the caller's. Enumerate once.</summary>
    public async IAsyncEnumerable<AudioChunk> ReadAsync(CharacterAlignment? alignment, CharacterAlignment? normalized, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            for (long offset = 0; offset < Length;)
            {
                var window = new byte[(int)Math.Min(WindowSize, Length - offset)];
                await ReadExactlyAsync(window, offset, cancellationToken).ConfigureAwait(false);
                yield return new AudioChunk(window) { Alignment = offset == 0 ? alignment : null, NormalizedAlignment = offset == 0 ? normalized : null };
                offset += window.Length;
            }
        }
        finally
        {
            // Read to the end (or abandoned by its enumerator): the file is not needed any more.
            _handle.Dispose();
        }
    }

    /// <summary>The whole clip in one array (for the rare caller that needs it whole).</summary>
    public async Task<byte[]> ReadAllAsync(CancellationToken cancellationToken)
    {
        var bytes = new byte[Length];
        await ReadExactlyAsync(bytes, 0, cancellationToken).ConfigureAwait(false);
        return bytes;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _handle.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string> HashAsync(CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var window = ArrayPool<byte>.Shared.Rent(WindowSize);
        try
        {
            for (long offset = 0; offset < Length;)
            {
                var size = (int)Math.Min(WindowSize, Length - offset);
                await ReadExactlyAsync(window.AsMemory(0, size), offset, cancellationToken).ConfigureAwait(false);
                hash.AppendData(window, 0, size);
                offset += size;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(window);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private async Task ReadExactlyAsync(Memory<byte> buffer, long offset, CancellationToken cancellationToken)
    {
        for (var read = 0; read < buffer.Length;)
        {
            var got = await RandomAccess.ReadAsync(_handle, buffer[read..], offset + read, cancellationToken).ConfigureAwait(false);
            if (got == 0)
            {
                throw new EndOfStreamException("A stored clip is shorter than its index entry says.");
            }

            read += got;
        }
    }
}
