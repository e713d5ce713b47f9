using System.Diagnostics;

namespace SpeechGate.Server.Tests.Jobs;

/// <summary>The gateway with its jobs as a child process (<c>SpeechGate.Jobs.ServeHost</c>) that a test can SIGKILL.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private ServeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public static async Task<ServeProcess> StartAsync(string dataDirectory, string settingsFile)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataDirectory };
        start.ArgumentList.Add(HostPath());
        start.ArgumentList.Add(dataDirectory);
        start.ArgumentList.Add(settingsFile);
        start.Environment.Remove("ELEVENLABS_API_KEY");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the serve host.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new ServeProcess(process, new Uri(line["listening on ".Length..]));
            }
        }

        throw new InvalidOperationException($"The serve host exited ({process.ExitCode}) before listening.");
    }

    /// <summary>SIGKILL (Process.Kill on Unix): no shutdown, no lease release, no flush.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static string HostPath()
    {
        // artifacts/bin/<project>/<pivot>/: the host is built beside this test assembly, with the same pivot.
        var testDirectory = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var path = Path.Combine(testDirectory.Parent!.Parent!.FullName, "SpeechGate.Jobs.ServeHost", testDirectory.Name, "SpeechGate.Jobs.ServeHost.dll");
        Assert.True(File.Exists(path), $"Build tests/SpeechGate.Jobs.ServeHost first; not found: {path}");
        return path;
    }
}
