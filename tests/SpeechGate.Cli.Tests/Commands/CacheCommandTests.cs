using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Caching;
using SpeechGate.Testing;

namespace SpeechGate.Cli.Tests.Commands;

public sealed class CacheCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("speechgate-cache-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<CliRun> RunAsync(FakeSpeechSynthesizer provider, params string[] args)
        => CliRun.InvokeAsync(provider, new FakeVoiceDirectory("local"), services =>
            services.Configure<SpeechCacheOptions>(options => options.Directory = Path.Combine(_directory, "cache")), args);

    [Fact]
    public async Task SayTwice_SecondIsAHit_StatsVerifyAndPruneReportIt()
    {
        var provider = new FakeSpeechSynthesizer();
        var output = Path.Combine(_directory, "a.mp3");

        // No wait between the runs: exiting the CLI finishes storing what was paid for.
        await RunAsync(provider, "say", "cache me", "-o", output, "--voice", "v1");
        await RunAsync(provider, "say", "cache me", "-o", output, "--voice", "v1");
        var stats = await RunAsync(provider, "cache", "stats", "--json");
        var verify = await RunAsync(provider, "cache", "verify");
        var prune = await RunAsync(provider, "cache", "prune", "--max-size", "0");
        var after = await RunAsync(provider, "cache", "stats", "--json");

        Assert.Equal(1, provider.Calls);
        using var json = JsonDocument.Parse(stats.Output);
        Assert.Equal(1, json.RootElement.GetProperty("entries").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("hits").GetInt64());
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("checked 1 entries", verify.Output, StringComparison.Ordinal);
        Assert.Contains("removed 1 entries", prune.Output, StringComparison.Ordinal);
        using var afterJson = JsonDocument.Parse(after.Output);
        Assert.Equal(0, afterJson.RootElement.GetProperty("entries").GetInt64());
    }

    [Fact]
    public async Task Prune_BadSize_ExitsTwo()
    {
        var run = await RunAsync(new FakeSpeechSynthesizer(), "cache", "prune", "--max-size", "lots");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a size", run.Error, StringComparison.Ordinal);
    }
}
