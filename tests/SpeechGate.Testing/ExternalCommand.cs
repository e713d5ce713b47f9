using System.Diagnostics;
using System.Text;

namespace SpeechGate.Testing;

/// <summary>Runs an external command to completion with its own environment, capturing stdout and stderr together.</summary>
public static class ExternalCommand
{
    /// <summary>Runs <paramref name="fileName"/>; a command still running after <paramref name="timeout"/> is killed (exit code -1).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment,
        params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing a test starts may reach the real ElevenLabs.
        start.Environment.Remove("ELEVENLABS_API_KEY");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + $"\n(timed out after {timeout})");
        }

        return (process.ExitCode, output.ToString());
    }

    /// <summary>The repository's root: the first directory above the test binaries holding <c>SpeechGate.slnx</c>.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SpeechGate.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SpeechGate.slnx not found above " + AppContext.BaseDirectory);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
