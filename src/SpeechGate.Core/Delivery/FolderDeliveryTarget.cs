using System.Security.Cryptography;

namespace SpeechGate.Delivery;

/// <summary>
/// Delivers into <c>&lt;folder&gt;/&lt;name&gt;/</c> atomically: the files are copied into a hidden temporary directory
/// beside it (<c>manifest.json</c> last) and the directory is then renamed into place, so a reader sees all of a render
/// or none of it. A folder already holding this manifest is left alone.
/// </summary>
public sealed class FolderDeliveryTarget(string name, string folder) : IDeliveryTarget
{
    /// <inheritdoc/>
    public string Name { get; } = name;

    /// <summary>The folder deliverables appear in.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <inheritdoc/>
    public async Task<string> DeliverAsync(DeliveryPackage package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        var destination = Path.Combine(Folder, package.Name);
        try
        {
            Directory.CreateDirectory(Folder);
            if (await HasManifestAsync(destination, package.ManifestSha256, cancellationToken).ConfigureAwait(false))
            {
                return $"already in {destination}";
            }

            var staging = Path.Combine(Folder, $".{package.Name}.{Guid.NewGuid():N}.tmp");
            Directory.CreateDirectory(staging);
            try
            {
                foreach (var file in package.Files())
                {
                    var target = Path.Combine(staging, file.Replace('/', Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await CopyAsync(package.PathOf(file), target, cancellationToken).ConfigureAwait(false);
                }

                Replace(staging, destination);
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }

            return $"delivered to {destination}";
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DeliveryException($"cannot write {destination}: {error.Message}", error);
        }
    }

    private static async Task<bool> HasManifestAsync(string directory, string sha256, CancellationToken cancellationToken)
    {
        var manifest = Path.Combine(directory, DeliveryPackage.ManifestFileName);
        if (!File.Exists(manifest))
        {
            return false;
        }

        await using var stream = File.OpenRead(manifest);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash) == sha256;
    }

    private static async Task CopyAsync(string source, string target, CancellationToken cancellationToken)
    {
        await using var input = File.OpenRead(source);
        await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        output.Flush(flushToDisk: true);
    }

    // A directory cannot replace another in one rename: move the old one aside first, then delete it.
    private static void Replace(string staging, string destination)
    {
        string? old = null;
        if (Directory.Exists(destination))
        {
            old = Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.old");
            Directory.Move(destination, old);
        }

        Directory.Move(staging, destination);
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }
}
