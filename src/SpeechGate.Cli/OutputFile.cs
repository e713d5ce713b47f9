namespace SpeechGate.Cli;

/// <summary>Where <c>say -o</c> writes: a regular file atomically (temp + rename), anything else (device, pipe) directly.</summary>
/// <remarks>
/// A symlink is followed and its target replaced, so the link stays a link. Devices and named pipes are opened and
/// written, never replaced by a regular file (<c>-o /dev/null</c> as root must not delete the device).
/// </remarks>
internal sealed class OutputFile : IAsyncDisposable
{
    private readonly AtomicFile? _atomic;

    private OutputFile(string path, AtomicFile? atomic, Stream stream)
    {
        Path = path;
        _atomic = atomic;
        Stream = stream;
    }

    /// <summary>The file actually written (a symlink's final target).</summary>
    public string Path { get; }

    public Stream Stream { get; }

    /// <summary>Whether the destination is a regular file (replaced atomically on commit).</summary>
    public bool IsRegularFile => _atomic is not null;

    /// <summary>Opens the destination now, so an unwritable one fails before anything is synthesised or paid for.</summary>
    public static OutputFile Create(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        // Only a link is resolved (ResolveLinkTarget throws for a path that does not exist yet).
        var link = new FileInfo(fullPath);
        if (link.LinkTarget is not null && link.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            fullPath = target.FullName;
        }

        switch (UnixFileKind.Of(fullPath))
        {
            case UnixFileKind.Missing or UnixFileKind.Regular:
                var atomic = AtomicFile.Create(fullPath);
                return new OutputFile(fullPath, atomic, atomic.Stream);
            case UnixFileKind.Directory:
                throw new IOException($"'{path}' is a directory; give a file name.");
            case UnixFileKind.Socket:
                throw new IOException($"'{path}' is a socket; give a file, a device or a named pipe.");
            default:
                try
                {
                    // A device or a named pipe: written in place (opening a pipe waits for its reader).
                    return new OutputFile(fullPath, null, new FileStream(fullPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, useAsync: false));
                }
                catch (UnauthorizedAccessException)
                {
                    throw new UnauthorizedAccessException($"Cannot write '{path}': permission denied.");
                }
        }
    }

    /// <summary>Finishes the write: a regular file is flushed to disk and moved into place.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_atomic is not null)
        {
            await _atomic.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_atomic is not null)
        {
            await _atomic.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
