using SpeechGate.Testing.FakeElevenLabs;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Cli.Tests.Commands;

public class VoicesCheckCommandTests
{
    private const string Yaml = $"""
        voices:
          narrator:
            voice_id: {FakeVoiceCatalog.LibraryNarrator}
            fallbacks: [rachel]
          rachel: {FakeVoiceCatalog.Rachel}
        """;

    [Fact]
    public async Task Check_AllPinnedPresent_ExitsZero()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync(Yaml);
        Assert.Equal(0, (await cli.RunAsync("voices", "pin", "narrator")).ExitCode);

        var run = await cli.RunAsync("voices", "check");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 voices checked", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PinnedVoiceRemoved_FallbackServesAndCheckFailsNamingIt()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync(Yaml);
        Assert.Equal(0, (await cli.RunAsync("voices", "pin", "narrator")).ExitCode);
        var stable = VoiceLockFile.Read(cli.LockPath).Find("narrator")!.VoiceId;
        Assert.True(cli.Server.Account.Voices.TryRemove(stable, out _));
        var output = Path.Combine(cli.Directory, "out.mp3");

        var say = await cli.RunAsync("say", "Hello.", "--voice", "narrator", "-o", output);
        var check = await cli.RunAsync("voices", "check", "--json");

        Assert.True(say.ExitCode == 0, say.Error);
        Assert.Contains($"voice {stable} was not found; fallback voice {FakeVoiceCatalog.Rachel}", say.Error, StringComparison.Ordinal);
        var speech = cli.Server.Requests.Where(r => r.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal)).Select(r => r.Path.Split('/')[3]).ToList();
        Assert.Equal([stable, FakeVoiceCatalog.Rachel], speech);
        Assert.True(new FileInfo(output).Length > 0);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"voice narrator ({stable}) is missing", check.Error, StringComparison.Ordinal);
        Assert.Contains("\"healthy\": false", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithoutElevenLabs_ExitsTwo()
    {
        var run = await CliRun.InvokeAsync(new Testing.FakeSpeechSynthesizer(), "voices", "check");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ELEVENLABS_API_KEY", run.Error, StringComparison.Ordinal);
    }
}
