namespace SpeechGate.Cli;

/// <summary>Reads text given as <c>-</c>: refuses a closed standard input and text past <see cref="MaxCharacters"/>.</summary>
internal static class StandardInput
{
    /// <summary>The most text one <c>say</c> accepts (ElevenLabs' largest per-request limit is 40,000).</summary>
    public const int MaxCharacters = 100_000;

    /// <summary>
    /// Whether this process was started with standard input closed (<c>&lt;&amp;-</c>). Descriptor 0 is then reused by the
    /// runtime for one of its own files (its signal pipe, typically), and reading it would wait forever: so descriptor 0
    /// counts as closed when another of our descriptors points at the same pipe or file, or at an anonymous inode.
    /// </summary>
    public static bool IsClosed()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var stdin = ReadLink("/proc/self/fd/0");
            if (stdin is null)
            {
                return true;
            }

            if (stdin.StartsWith("anon_inode:", StringComparison.Ordinal))
            {
                return true;
            }

            // A pipe whose other end is also ours is not a stdin someone writes to.
            return stdin.StartsWith("pipe:", StringComparison.Ordinal) && Directory.EnumerateFiles("/proc/self/fd")
                .Where(fd => System.IO.Path.GetFileName(fd) is not ("0" or "1" or "2"))
                .Any(fd => ReadLink(fd) == stdin);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Reads at most <see cref="MaxCharacters"/> (one more tells that the text is too long).</summary>
    public static async Task<string> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(input, System.Text.Encoding.UTF8);
        var buffer = new char[MaxCharacters + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return new string(buffer, 0, length);
    }

    private static string? ReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
