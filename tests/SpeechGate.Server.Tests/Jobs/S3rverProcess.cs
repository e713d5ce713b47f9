using System.Diagnostics;
using SpeechGate.Testing;

namespace SpeechGate.Server.Tests.Jobs;

/// <summary>A real S3-compatible server process (npm <c>s3rver</c>, pinned in tests/s3rver) on 127.0.0.1 and a free port.</summary>
internal sealed class S3rverProcess : IAsyncDisposable
{
    /// <summary>s3rver's fixed credentials.</summary>
    public const string AccessKey = "S3RVER";

    /// <inheritdoc cref="AccessKey"/>
    public const string SecretKey = "S3RVER";

    private static readonly SemaphoreSlim Install = new(1, 1);
    private readonly Process _process;

    private S3rverProcess(Process process, Uri endpoint, string directory)
    {
        _process = process;
        Endpoint = endpoint;
        Directory = directory;
    }

    public Uri Endpoint { get; }

    /// <summary>Where s3rver keeps its objects.</summary>
    public string Directory { get; }

    public static async Task<S3rverProcess> StartAsync(string bucket)
    {
        var package = Path.Combine(ExternalCommand.RepositoryRoot(), "tests", "s3rver");
        await Install.WaitAsync();
        try
        {
            var install = await NpmPackages.EnsureInstalledAsync(package);
            Assert.True(install.ExitCode == 0, "npm ci failed:\n" + install.Output);
        }
        finally
        {
            Install.Release();
        }

        var directory = System.IO.Directory.CreateTempSubdirectory("speechgate-s3rver-").FullName;
        var start = new ProcessStartInfo("node") { WorkingDirectory = package, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine("node_modules", "s3rver", "bin", "s3rver.js"), "-d", directory, "-a", "127.0.0.1", "-p", "0", "--silent", "--configure-bucket", bucket })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start s3rver.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            const string Prefix = "S3rver listening on ";
            if (line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new S3rverProcess(process, new Uri("http://" + line[Prefix.Length..].Trim()), directory);
            }
        }

        throw new InvalidOperationException("s3rver exited before listening.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
