namespace SpeechGate.Delivery;

/// <summary>A finished render to deliver: its directory, its files (<c>manifest.json</c> last) and its idempotency key.</summary>
/// <param name="RunId">The run that rendered it.</param>
/// <param name="Job">The job's name.</param>
/// <param name="Name">The deliverable's name (a folder or key prefix at the target).</param>
/// <param name="Directory">The render's output directory.</param>
/// <param name="ManifestSha256">Lower-case hex SHA-256 of <c>manifest.json</c>.</param>
public sealed record DeliveryPackage(string RunId, string Job, string Name, string Directory, string ManifestSha256)
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>Same render, same key: <c>&lt;job&gt;:&lt;manifest sha256&gt;</c>. Receivers drop duplicates by it.</summary>
    public string IdempotencyKey => $"{Job}:{ManifestSha256}";

    /// <summary>Where the gateway serves the run's files (<c>…/v1/speechgate/renders/{id}/files/</c>), when it is known.</summary>
    public Uri? FilesBaseUrl { get; init; }

    /// <summary>Relative paths ('/'-separated) of every file, <c>manifest.json</c> last.</summary>
    public IReadOnlyList<string> Files()
    {
        var root = Path.GetFullPath(Directory);
        var files = System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(file => file != ManifestFileName)
            .Order(StringComparer.Ordinal)
            .ToList();
        files.Add(ManifestFileName);
        return files;
    }

    /// <summary>The absolute path of a relative file name from <see cref="Files"/>.</summary>
    public string PathOf(string file) => Path.Combine(Directory, file.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The URL a receiver can fetch <paramref name="file"/> from, or null when the gateway's address is unknown.</summary>
    public Uri? UrlOf(string file)
        => FilesBaseUrl is null ? null : new Uri(FilesBaseUrl, string.Join('/', file.Split('/').Select(Uri.EscapeDataString)));
}
