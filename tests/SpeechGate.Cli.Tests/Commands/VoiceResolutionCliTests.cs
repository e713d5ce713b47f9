using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Cli.Tests.Commands;

public class VoiceResolutionCliTests
{
    private const string Yaml = $"""
        voices:
          narrator:
            voice_id: {FakeVoiceCatalog.LibraryNarrator}
            provider: elevenlabs
            dev: local-narrator
          rachel: {FakeVoiceCatalog.Rachel}
        dev:
          default: local-default
        """;

    [Theory]
    [InlineData("narrator", "local-narrator")]
    [InlineData(FakeVoiceCatalog.Rachel, "local-default")]
    [InlineData(FakeVoiceCatalog.George, "local-default")]
    public async Task Say_DevMode_UsesLocalVoiceAndBillsNothing(string voice, string expected)
    {
        await using var cli = await FakeElevenLabsCli.StartAsync(Yaml);
        cli.Mode = "dev";

        var run = await cli.RunAsync("say", "Zero credits, please.", "--voice", voice, "--provider", "elevenlabs", "-o", Path.Combine(cli.Directory, "dev.mp3"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, Assert.Single(cli.Local.Requests).VoiceId);
        Assert.Equal(0, cli.Server.BilledCharacters);
        Assert.DoesNotContain(cli.Server.Requests, r => r.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Say_DevModeWithRealLocalEngine_SpeaksProductionVoiceIdForFree()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync("");
        cli.Mode = "dev";
        cli.RealLocalEngine = true;
        var output = Path.Combine(cli.Directory, "dev.wav");

        var run = await cli.RunAsync("say", "Zero credits in the dev loop.", "--voice", FakeVoiceCatalog.George, "--provider", "elevenlabs", "--format", "wav_22050", "-o", output);

        Assert.True(run.ExitCode == 0, run.Error);
        var audio = await File.ReadAllBytesAsync(output);
        Assert.Equal("RIFF"u8.ToArray(), audio[..4]);
        Assert.True(audio.Length > 4_000, $"only {audio.Length} bytes");
        Assert.Empty(cli.Local.Requests);
        Assert.Equal(0, cli.Server.BilledCharacters);
        Assert.Empty(cli.Server.Requests);
    }

    [Fact]
    public async Task Say_ProviderLocal_MapsProductionAlias()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync(Yaml);

        var run = await cli.RunAsync("say", "Hello.", "--voice", "narrator", "--provider", "local", "-o", Path.Combine(cli.Directory, "dev.mp3"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("local-narrator", Assert.Single(cli.Local.Requests).VoiceId);
        Assert.Equal(0, cli.Server.BilledCharacters);
    }

    [Theory]
    [InlineData("voices:\n  narrator:\n    voice_id: AAAAAAAAAAAAAAAAAAAA\n    fallbacks: [ghost]\n", "voices.yaml:4:", "'ghost' is not a known alias")]
    [InlineData("voices:\n  narrator:\n    voice_id: AAAAAAAAAAAAAAAAAAAA\n    pitch: 3\n", "voices.yaml:4:", "unknown key 'pitch'")]
    [InlineData("voices:\n  narrator: [\n", "voices.yaml:3:", "malformed YAML")]
    public async Task Say_BadVoicesYaml_ExitsTwoNamingLineWithoutStackTrace(string yaml, string location, string problem)
    {
        await using var cli = await FakeElevenLabsCli.StartAsync(yaml);

        var run = await cli.RunAsync("say", "Hello.", "--voice", "narrator", "-o", Path.Combine(cli.Directory, "out.mp3"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(location, run.Error, StringComparison.Ordinal);
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, cli.Server.BilledCharacters);
    }

    [Fact]
    public async Task Check_BadLockfile_ExitsTwoNamingLine()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync(Yaml);
        await File.WriteAllTextAsync(cli.LockPath, "version: 1\nvoices:\n  narrator:\n    voice_id: X\n    colour: red\n");

        var run = await cli.RunAsync("voices", "check");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("voices.lock:5:", run.Error, StringComparison.Ordinal);
        Assert.Contains("unknown key 'colour'", run.Error, StringComparison.Ordinal);
    }
}
