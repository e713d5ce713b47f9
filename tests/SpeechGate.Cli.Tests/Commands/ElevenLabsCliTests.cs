using System.Text.Json;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Cli.Tests.Commands;

public class ElevenLabsCliTests
{
    [Fact]
    public async Task Say_ProviderElevenLabs_WritesTheFakesAudioAndItBillsTheText()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync("voices: {}\n");
        var output = Path.Combine(cli.Directory, "out.mp3");

        var run = await cli.RunAsync("say", "Billed by the fake.", "--provider", "elevenlabs", "--voice", FakeVoiceCatalog.Rachel, "--model", "eleven_flash_v2_5", "-o", output);

        Assert.Equal(0, run.ExitCode);
        var tts = Assert.Single(cli.Server.Requests, r => r.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal));
        Assert.Contains(FakeVoiceCatalog.Rachel, tts.Path, StringComparison.Ordinal);
        Assert.Equal(10, cli.Server.BilledCharacters);
        Assert.True(new FileInfo(output).Length > 0);
        Assert.Contains("10 credits", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_ProviderElevenLabsUnknownVoice_ExitsTwoWithTheUpstreamMessage()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync("voices: {}\n");

        var run = await cli.RunAsync("say", "Nobody home.", "--provider", "elevenlabs", "--voice", "AAAAAAAAAAAAAAAAAAAA", "-o", Path.Combine(cli.Directory, "x.mp3"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("voice_not_found", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.Directory, "x.mp3")));
    }

    [Fact]
    public async Task Voices_ProviderElevenLabs_ListsTheAccountsVoices()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync("voices: {}\n");

        var run = await cli.RunAsync("voices", "--provider", "elevenlabs", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Contains(json.RootElement.EnumerateArray(), v => v.GetProperty("voiceId").GetString() == FakeVoiceCatalog.George);
        Assert.All(json.RootElement.EnumerateArray(), v => Assert.Equal("elevenlabs", v.GetProperty("provider").GetString()));
    }
}
