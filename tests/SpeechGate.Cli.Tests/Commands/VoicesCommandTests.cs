using System.Text.Json;
using SpeechGate.Testing;
using SpeechGate.Voices;

namespace SpeechGate.Cli.Tests.Commands;

public class VoicesCommandTests
{
    private static readonly FakeVoiceDirectory Directory = new("local",
        new VoiceInfo("AAAAAAAAAAAAAAAAAAAA", "English", "premade", "local") { Labels = new Dictionary<string, string> { ["language"] = "en" } },
        new VoiceInfo("BBBBBBBBBBBBBBBBBBBB", "German", "premade", "local"));

    [Fact]
    public async Task Voices_Json_ListsEveryVoice()
    {
        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), Directory, "voices", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal("AAAAAAAAAAAAAAAAAAAA", json.RootElement[0].GetProperty("voiceId").GetString());
        Assert.Equal("en", json.RootElement[0].GetProperty("labels").GetProperty("language").GetString());
    }

    [Fact]
    public async Task Voices_Table_ShowsNamesAndCount()
    {
        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), Directory, "voices");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("German", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 voices", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voices_UnknownProvider_ExitsTwo()
    {
        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), Directory, "voices", "--provider", "nosuch");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nosuch", run.Error, StringComparison.Ordinal);
    }
}
