using System.Security.Cryptography;

namespace SpeechGate.Caching;

/// <summary>Audio files named by the SHA-256 of their bytes, written atomically and verified on every read.</summary>
internal sealed class BlobDirectory
{
    private const string TemporarySuffix = ".tmp";
    private readonly string _path;

    public BlobDirectory(string path)
    {
        _path = path;
        Directory.CreateDirectory(path);
    }

    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Writes the blob: temp file in the same directory, write, flush to disk, rename over the final name.</summary>
    /// <remarks>A reader sees the old file, the whole new one, or none; never a torn write, whatever kills the process.</remarks>
    public async Task WriteAsync(string hash, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(_path, $".{hash}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);

                // No async flush reaches the disk; fsync is what makes the rename below crash-safe.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, PathOf(hash), overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Opens a temporary file for a clip that is still arriving; <see cref="Adopt"/> moves it into place once whole.</summary>
    public FileSpeechSpool CreateSpool(FileSpeechCache owner)
        => new(owner, Path.Combine(_path, $".spool.{Guid.NewGuid():N}{TemporarySuffix}"));

    /// <summary>Renames a finished, flushed temporary file over the blob named <paramref name="hash"/>.</summary>
    public void Adopt(string temporary, string hash) => File.Move(temporary, PathOf(hash), overwrite: true);

    /// <summary>Reads the blob and checks its length and hash; null when it is missing or corrupt.</summary>
    public async Task<byte[]?> ReadVerifiedAsync(string hash, long expectedLength, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(PathOf(hash), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return bytes.LongLength == expectedLength && HashOf(bytes) == hash ? bytes : null;
    }

    /// <summary>Opens the blob and checks its length and hash one window at a time; null when it is missing or corrupt.</summary>
    public Task<VerifiedBlob?> OpenVerifiedAsync(string hash, long expectedLength, CancellationToken cancellationToken)
        => VerifiedBlob.OpenAsync(PathOf(hash), hash, expectedLength, cancellationToken);

    /// <summary>Whether the blob is there with its length and hash, checked without holding it in memory.</summary>
    public async Task<bool> IsIntactAsync(string hash, long expectedLength, CancellationToken cancellationToken)
    {
        var blob = await OpenVerifiedAsync(hash, expectedLength, cancellationToken).ConfigureAwait(false);
        if (blob is null)
        {
            return false;
        }

        await blob.DisposeAsync().ConfigureAwait(false);
        return true;
    }

    public void Delete(string hash) => File.Delete(PathOf(hash));

    /// <summary>Deletes leftovers last written before <paramref name="cutoffUtc"/>: temp files and blobs no entry uses.</summary>
    public int RemoveStale(Func<string, bool> isReferenced, DateTime cutoffUtc)
    {
        var removed = 0;
        foreach (var file in new DirectoryInfo(_path).EnumerateFiles())
        {
            var leftover = file.Name.EndsWith(TemporarySuffix, StringComparison.Ordinal)
                || (IsBlobName(file.Name) && !isReferenced(file.Name));
            if (leftover && file.LastWriteTimeUtc < cutoffUtc)
            {
                file.Delete();
                removed++;
            }
        }

        return removed;
    }

    private static bool IsBlobName(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);

    private string PathOf(string hash) => Path.Combine(_path, hash);
}
