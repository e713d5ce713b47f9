using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SpeechGate.Cli.Tests.Hosting;

/// <summary>
/// <c>speechgate serve</c> as a user runs it: the built CLI in its own process, with its own data directory and working
/// directory, no ElevenLabs key, on a free loopback port read from its start-up line.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private ServeProcess(Process process, StringBuilder output, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ServeProcess> StartAsync(string dataDirectory, params string[] arguments)
    {
        var start = CliProcess.StartInfo(dataDirectory, ["serve", "--port", "0", .. arguments]);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start speechgate serve");
        var output = new StringBuilder();
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (Listening().Match(line) is { Success: true } match)
            {
                address.TrySetResult(match.Groups[1].Value);
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(address.Task, exited, Task.Delay(TimeSpan.FromMinutes(3)));
        if (first != address.Task)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            process.Dispose();
            throw new InvalidOperationException("speechgate serve did not start: " + text);
        }

        return new ServeProcess(process, output, new Uri(await address.Task), dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (https?://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
