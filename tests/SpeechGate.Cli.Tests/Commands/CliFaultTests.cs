using System.Diagnostics;
using System.Text.Json;
using SpeechGate.Server.Authentication;
using SpeechGate.Testing;

namespace SpeechGate.Cli.Tests.Commands;

/// <summary>Issue 11, findings 3, 4 and 9: budgets bind to real keys, -o never replaces devices, pipes or links, bad input exits 2.</summary>
// Creates gateway keys in the shared data directory, which switches a keyless `serve` to "keys required": never in
// parallel with the serve test, and every key is revoked again.
[Collection(SharedGatewayKeys.Name)]
public sealed class CliFaultTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("speechgate-cli-faults-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task BudgetSetKey_ByName_BindsToTheKeyId()
    {
        var name = "ci-" + Guid.NewGuid().ToString("N")[..8];
        var key = await new GatewayKeyStore(CliRun.DataDirectory).CreateAsync(name);

        var set = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "budget", "set", "--key", name, "--credits", "100");
        var show = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "budget", "show", "--json");
        await new GatewayKeyStore(CliRun.DataDirectory).RevokeAsync(key.Key.Id);

        Assert.Equal(0, set.ExitCode);
        using var json = JsonDocument.Parse(show.Output);
        var row = json.RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == $"key:{key.Key.Id}/month");
        Assert.False(row.GetProperty("matched").GetBoolean());
        Assert.Contains("never matched", show.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BudgetSetKey_Unknown_ExitsTwoAndSetsNothing()
    {
        var unknown = "no-such-key-" + Guid.NewGuid().ToString("N")[..8];

        var set = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "budget", "set", "--key", unknown, "--credits", "100");
        var show = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "budget", "show", "--json");

        Assert.Equal(2, set.ExitCode);
        Assert.Contains(unknown, set.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(unknown, show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SayOutput_Symlink_TargetReplacedAndLinkKept()
    {
        var target = Path.Combine(_directory, "target.mp3");
        var link = Path.Combine(_directory, "link.mp3");
        await File.WriteAllTextAsync(target, "old");
        File.CreateSymbolicLink(link, target);

        var provider = new FakeSpeechSynthesizer();

        var run = await CliRun.InvokeAsync(provider, "say", "hello", "-o", link);

        Assert.Equal(0, run.ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(FakeSpeechSynthesizer.ExpectedBytes(provider.Requests[0]), await File.ReadAllBytesAsync(target));
        Assert.Equal(["link.mp3", "target.mp3"], Directory.GetFileSystemEntries(_directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task SayOutput_NamedPipe_WrittenInPlace()
    {
        var pipe = Path.Combine(_directory, "audio.pipe");
        Run("mkfifo", pipe);
        var reader = Task.Run(() => File.ReadAllBytes(pipe));

        var provider = new FakeSpeechSynthesizer();

        var run = await CliRun.InvokeAsync(provider, "say", "hello", "-o", pipe);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(FakeSpeechSynthesizer.ExpectedBytes(provider.Requests[0]), await reader);
        Assert.Equal(UnixFileKind.Fifo, UnixFileKind.Of(pipe));
    }

    [Fact]
    public async Task SayOutput_DevNull_StaysADevice()
    {
        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "say", "hello", "-o", "/dev/null");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(UnixFileKind.CharacterDevice, UnixFileKind.Of("/dev/null"));
    }

    [Theory]
    [InlineData("say", "hello", "-o", "x.mp3", "--speed", "fast")]
    [InlineData("say", "hello", "-o", "x.mp3", "--no-such-option")]
    [InlineData("say", "hello")]
    [InlineData("budget", "set", "--project", "p", "--credits", "lots")]
    [InlineData("ledger", "--by", "colour")]
    [InlineData("ledger", "--since", "99999999d")]
    [InlineData("no-such-command")]
    public async Task BadOptions_ExitTwoWithOneLineAndNoStackTrace(params string[] args)
    {
        var provider = new FakeSpeechSynthesizer();

        var run = await CliRun.InvokeAsync(provider, args);

        Assert.Equal(2, run.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(run.Error));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, provider.Calls);
    }

    [Fact]
    public async Task SayStandardInput_OverTheTextLimit_ExitsTwo()
    {
        CliRun.StandardInput = new string('a', 100_001);
        var provider = new FakeSpeechSynthesizer();

        var run = await CliRun.InvokeAsync(provider, "say", "-", "-o", Path.Combine(_directory, "x.mp3"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("100,000", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, provider.Calls);
    }

    [Fact]
    public async Task SayStandardInput_Closed_ExitsTwoAtOnce()
    {
        // The real executable with descriptor 0 closed (`<&-`), as a shell runs it: it must not wait forever.
        var cli = Path.Combine(AppContext.BaseDirectory, "SpeechGate.Cli.dll");
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"exec dotnet '{cli}' say - -o '{Path.Combine(_directory, "x.mp3")}' <&-"])
        {
            RedirectStandardError = true,
            Environment = { ["SPEECHGATE_DATA"] = CliRun.DataDirectory },
        })!;
        var error = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("standard input is closed", error, StringComparison.Ordinal);
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments))!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
