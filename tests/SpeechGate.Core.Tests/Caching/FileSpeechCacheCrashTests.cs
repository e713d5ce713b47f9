using System.Diagnostics;
using SpeechGate.Caching;
using SpeechGate.Testing.Caching;

namespace SpeechGate.Core.Tests.Caching;

public sealed class FileSpeechCacheCrashTests : IDisposable
{
    private const int EntriesBeforeKill = 20;
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task VerifyAsync_AfterWriterKilledMidLoop_FindsNoBadEntriesAndServesOnlyWholeClips()
    {
        var stored = await RunWriterUntilKilledAsync();

        await using var cache = new FileSpeechCache(new SpeechCacheOptions { Directory = _directory.Path, MemoryMaxBytes = 0 });
        var verified = await cache.VerifyAsync();
        var served = 0;
        for (var index = 0; index < stored + 1_000; index++)
        {
            if (await cache.GetAsync(CrashEntries.Key(index)) is { } hit)
            {
                Assert.Equal(CrashEntries.Audio(index), hit.Audio.ToArray());
                Assert.Equal($"crash-{index}", hit.RequestId);
                served++;
            }
        }

        Assert.Equal(0, verified.BadEntriesRemoved);
        Assert.True(verified.EntriesChecked >= stored, $"{verified.EntriesChecked} entries checked, {stored} reported stored");
        Assert.Equal(verified.EntriesChecked, served);
    }

    /// <summary>Starts the writer, waits until it reports some entries, kills it with SIGKILL; returns how many it reported.</summary>
    private async Task<int> RunWriterUntilKilledAsync()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WriterPath());
        start.ArgumentList.Add(_directory.Path);
        using var writer = Process.Start(start) ?? throw new InvalidOperationException("The crash writer did not start.");
        try
        {
            var stored = 0;
            while (stored < EntriesBeforeKill)
            {
                var line = await writer.StandardOutput.ReadLineAsync().WaitAsync(HangGuard)
                    ?? throw new InvalidOperationException("The crash writer exited early: " + await writer.StandardError.ReadToEndAsync());
                stored += line.StartsWith("stored ", StringComparison.Ordinal) ? 1 : 0;
            }

            return stored;
        }
        finally
        {
            // Process.Kill is SIGKILL on Unix: no finally blocks, no flushes, no disposal in the writer.
            writer.Kill(entireProcessTree: true);
            await writer.WaitForExitAsync().WaitAsync(HangGuard);
        }
    }

    private static string WriterPath()
    {
        // artifacts/bin/<project>/<pivot>/: the writer is built beside this test assembly, with the same pivot.
        var testDirectory = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var path = Path.Combine(testDirectory.Parent!.Parent!.FullName, "SpeechGate.Caching.CrashWriter", testDirectory.Name, "SpeechGate.Caching.CrashWriter.dll");
        Assert.True(File.Exists(path), $"Build tests/SpeechGate.Caching.CrashWriter first; not found: {path}");
        return path;
    }
}
