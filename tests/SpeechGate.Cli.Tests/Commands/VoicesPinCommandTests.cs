using SpeechGate.Testing.FakeElevenLabs;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Cli.Tests.Commands;

public class VoicesPinCommandTests
{
    private const string Yaml = $"""
        voices:
          narrator:
            voice_id: {FakeVoiceCatalog.LibraryNarrator}
            fallbacks: [rachel]
          rachel: {FakeVoiceCatalog.Rachel}
        """;

    [Fact]
    public async Task Pin_SharedVoice_AddsItAndAliasSurvivesLibraryRemoval()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync(Yaml);

        var pin = await cli.RunAsync("voices", "pin", "narrator");

        Assert.Equal(0, pin.ExitCode);
        Assert.Single(cli.Server.Requests, r => r.Method == "POST" && r.Path == $"/v1/voices/add/{FakeVoiceCatalog.LibraryOwner}/{FakeVoiceCatalog.LibraryNarrator}");
        var locked = VoiceLockFile.Read(cli.LockPath).Find("narrator")!;
        Assert.NotEqual(FakeVoiceCatalog.LibraryNarrator, locked.VoiceId);
        Assert.True(cli.Server.Account.Voices.ContainsKey(locked.VoiceId));
        Assert.Equal(FakeVoiceCatalog.LibraryNarrator, locked.OriginalVoiceId);
        Assert.Contains(locked.VoiceId, pin.Output, StringComparison.Ordinal);

        Assert.True(cli.Server.Account.SharedVoices.TryRemove(FakeVoiceCatalog.LibraryNarrator, out _));
        var say = await cli.RunAsync("say", "Still here.", "--voice", "narrator", "-o", Path.Combine(cli.Directory, "out.mp3"));

        Assert.Equal(0, say.ExitCode);
        Assert.StartsWith($"/v1/text-to-speech/{locked.VoiceId}/", cli.Server.Requests.Last(r => r.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal)).Path, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", say.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pin_PremadeVoiceById_RecordsWithoutAdding()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync(Yaml);

        var run = await cli.RunAsync("voices", "pin", FakeVoiceCatalog.George);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(cli.Server.Requests, r => r.Path.StartsWith("/v1/voices/add/", StringComparison.Ordinal));
        var locked = VoiceLockFile.Read(cli.LockPath).Find(FakeVoiceCatalog.George)!;
        Assert.Equal((FakeVoiceCatalog.George, "premade"), (locked.VoiceId, locked.Category));
    }

    [Fact]
    public async Task Pin_UnknownName_ExitsTwoNamingIt()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync(Yaml);

        var run = await cli.RunAsync("voices", "pin", "narator");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'narator'", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.LockPath));
    }

    [Fact]
    public async Task Design_CreatesOwnedVoiceAndPinsIt()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync(Yaml);

        var run = await cli.RunAsync("voices", "design", "A calm old sailor with a low voice.", "--name", "Sailor");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(cli.Server.Requests, r => r.Path == "/v1/text-to-voice/design");
        Assert.Single(cli.Server.Requests, r => r.Path == "/v1/text-to-voice");
        var locked = VoiceLockFile.Read(cli.LockPath).Find("Sailor")!;
        Assert.Equal("generated", locked.Category);
        Assert.True(cli.Server.Account.Voices.ContainsKey(locked.VoiceId));
    }
}
