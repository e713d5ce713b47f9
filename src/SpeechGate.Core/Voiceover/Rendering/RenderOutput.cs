namespace SpeechGate.Voiceover.Rendering;

/// <summary>
/// Writes a render into a staging directory beside the output and swaps it into place at the end, so a reader sees the
/// previous render or the new one, never half of one. Kept takes are carried over.
/// </summary>
internal sealed class RenderOutput : IDisposable
{
    private const string StagingMarker = ".render-";
    private const string RetiredMarker = ".old-";
    private bool _committed;

    private RenderOutput(string directory, string staging)
    {
        Directory = directory;
        Staging = staging;
    }

    /// <summary>The output directory.</summary>
    public string Directory { get; }

    /// <summary>Where this render writes until <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>Recovers a swap a crash interrupted, then opens a fresh staging directory.</summary>
    public static RenderOutput Begin(string directory)
    {
        var full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full) ?? throw new ArgumentException("The output cannot be a root directory.", nameof(directory));
        System.IO.Directory.CreateDirectory(parent);
        Recover(full, parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}{StagingMarker}{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(staging);
        var output = new RenderOutput(full, staging);
        if (System.IO.Directory.Exists(Path.Combine(full, "takes")))
        {
            CopyDirectory(Path.Combine(full, "takes"), Path.Combine(staging, "takes"));
        }

        return output;
    }

    /// <summary>Swaps the staging directory into place: the old render is renamed away, the new one renamed in.</summary>
    public void Commit()
    {
        var parent = Path.GetDirectoryName(Directory)!;
        var retired = Path.Combine(parent, $".{Path.GetFileName(Directory)}{RetiredMarker}{Guid.NewGuid():N}");
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Move(Directory, retired);
        }

        System.IO.Directory.Move(Staging, Directory);
        _committed = true;
        if (System.IO.Directory.Exists(retired))
        {
            System.IO.Directory.Delete(retired, recursive: true);
        }
    }

    public void Dispose()
    {
        if (!_committed && System.IO.Directory.Exists(Staging))
        {
            System.IO.Directory.Delete(Staging, recursive: true);
        }
    }

    private static void Recover(string directory, string parent)
    {
        var name = Path.GetFileName(directory);
        var retired = System.IO.Directory.GetDirectories(parent, $".{name}{RetiredMarker}*");
        if (!System.IO.Directory.Exists(directory) && retired.Length > 0)
        {
            // Killed between the two renames of a swap: the previous render is the one to keep.
            System.IO.Directory.Move(retired[0], directory);
            retired = retired[1..];
        }

        foreach (var stale in retired.Concat(System.IO.Directory.GetDirectories(parent, $".{name}{StagingMarker}*")))
        {
            System.IO.Directory.Delete(stale, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var child in System.IO.Directory.GetDirectories(from))
        {
            CopyDirectory(child, Path.Combine(to, Path.GetFileName(child)));
        }
    }
}
