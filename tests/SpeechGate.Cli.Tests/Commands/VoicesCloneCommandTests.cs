using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SpeechGate.Testing.FakeElevenLabs;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Cli.Tests.Commands;

/// <summary>`voices clone` against the fake ElevenLabs server, with samples spoken by the real local engine.</summary>
public sealed class VoicesCloneCommandTests
{
    [Fact]
    public async Task Clone_TwoLocalEngineSamples_CreatesPinsAndSpeaks()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync("");
        cli.RealLocalEngine = true;
        var first = await SpeakAsync(cli, "one.wav", "The quick brown fox jumps over the lazy dog, and then it runs all the way home again.");
        var second = await SpeakAsync(cli, "two.wav", "Every sample should be clean speech, recorded in a quiet room, without music behind it.");

        var clone = await cli.RunAsync("voices", "clone", "--name", "Captain", "--alias", "captain", "--label", "accent=american", "--description", "Test clone", first, second);

        Assert.True(clone.ExitCode == 0, clone.Error);
        Assert.Contains("recommends 1–2 minutes", clone.Error, StringComparison.Ordinal);
        var pin = VoiceLockFile.Read(cli.LockPath).Find("captain")!;
        var voice = cli.Server.Account.Voices[pin.VoiceId];
        Assert.Equal(("cloned", "Captain", "american"), (voice.Category, voice.Name, voice.Labels["accent"]));
        string[] hashes = [Sha256(first), Sha256(second)];
        Assert.Equal(hashes, voice.SampleSha256);
        Assert.Equal(hashes, pin.Samples.Select(s => s.Sha256));
        Assert.Equal(["one.wav", "two.wav"], pin.Samples.Select(s => s.FileName));
        Assert.All(pin.Samples, sample => Assert.InRange(sample.DurationMs, 1_000, 20_000));
        Assert.Contains("sha256: " + hashes[0], await File.ReadAllTextAsync(cli.LockPath), StringComparison.Ordinal);

        var output = Path.Combine(cli.Directory, "cloned.mp3");
        var say = await cli.RunAsync("say", "Ahoy.", "--voice", "captain", "--provider", "elevenlabs", "-o", output);
        Assert.True(say.ExitCode == 0, say.Error);
        Assert.Contains(cli.Server.Requests, r => r.Path.StartsWith($"/v1/text-to-speech/{pin.VoiceId}", StringComparison.Ordinal) && r.StatusCode == 200 && r.BilledCharacters == 5);

        var check = await cli.RunAsync("voices", "check", "--json");
        Assert.True(check.ExitCode == 0, check.Error + check.Output);
        Assert.Contains("\"ownership\": \"owned\"", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clone_BadSamples_RefusedBeforeAnyUpload()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync("");
        cli.RealLocalEngine = true;
        var good = await SpeakAsync(cli, "good.wav", "A perfectly good sample of somebody speaking for a few seconds at least.");
        var notAudio = Path.Combine(cli.Directory, "notes.mp3");
        await File.WriteAllTextAsync(notAudio, "meeting notes, not a recording");
        // The engine's own WAV, cut to its first 0.4 s (22,050 Hz, 16-bit mono: 17,640 bytes of samples).
        var blip = Path.Combine(cli.Directory, "blip.wav");
        await File.WriteAllBytesAsync(blip, (await File.ReadAllBytesAsync(good))[..(44 + 17_640)]);

        var text = await cli.RunAsync("voices", "clone", "--name", "X", good, notAudio);
        var tooShort = await cli.RunAsync("voices", "clone", "--name", "X", good, blip);

        Assert.Equal(2, text.ExitCode);
        Assert.Contains("notes.mp3 is not readable audio", text.Error, StringComparison.Ordinal);
        Assert.Equal(2, tooShort.ExitCode);
        Assert.Contains("blip.wav is 0.", tooShort.Error, StringComparison.Ordinal);
        Assert.Single(text.Error.Trim().Split('\n'));
        Assert.DoesNotContain(cli.Server.Requests, r => r.Path == "/v1/voices/add");
        Assert.False(File.Exists(cli.LockPath));
    }

    [Fact]
    public async Task Check_RemovalNoticeForPinnedVoice_ExitsOneNamingTheDate()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync($"voices:\n  narrator:\n    voice_id: {FakeVoiceCatalog.LibraryNarrator}\n    fallbacks: [rachel]\n  rachel: {FakeVoiceCatalog.Rachel}\n");
        Assert.Equal(0, (await cli.RunAsync("voices", "pin", "narrator")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("voices", "check")).ExitCode);

        // What the gateway's webhook route records when ElevenLabs announces the removal.
        using var store = new VoiceNoticeStore(Options.Create(new VoiceResolutionOptions { NoticesFile = cli.NoticesPath }));
        await store.ApplyAsync(VoiceWebhookEvents.RemovalNotice, new VoiceRemovalNotice(FakeVoiceCatalog.LibraryNarrator, VoiceWebhookEvents.RemovalNotice, DateTimeOffset.UnixEpoch)
        {
            RemovalAt = new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero),
        });
        var check = await cli.RunAsync("voices", "check");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("removal_announced", check.Error, StringComparison.Ordinal);
        Assert.Contains("removal announced for 2027-02-01", check.Error, StringComparison.Ordinal);
    }

    private static async Task<string> SpeakAsync(FakeElevenLabsCli cli, string name, string text)
    {
        var path = Path.Combine(cli.Directory, name);
        var run = await cli.RunAsync("say", text, "--provider", "local", "--format", "wav_22050", "-o", path);
        Assert.True(run.ExitCode == 0, run.Error);
        return path;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
