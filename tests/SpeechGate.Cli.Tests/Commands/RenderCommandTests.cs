using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Caching;
using SpeechGate.Testing;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Cli.Tests.Commands;

public class RenderCommandTests
{
    private const string Voices = $"voices:\n  alice:\n    voice_id: {FakeVoiceCatalog.Rachel}\n    provider: elevenlabs\n  bob:\n    voice_id: {FakeVoiceCatalog.George}\n    provider: elevenlabs\n";

    [Fact]
    public async Task Render_ThirtyLinesTwoVoices_PaysTheEstimateOnceThenNothingThenOnlyTheEditedLine()
    {
        await using var cli = await StartAsync();
        var script = WriteScript(cli, Lines(30));
        var output = Path.Combine(cli.Directory, "out");
        var estimate = await cli.RunAsync("estimate", script, "--provider", "elevenlabs", "--json");
        var credits = JsonDocument.Parse(estimate.Output).RootElement.GetProperty("credits").GetInt64();

        var first = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output, "--project", Project());

        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        Assert.Equal(1.0, (double)cli.Server.BilledCharacters / credits);
        var files = Snapshot(output);
        Assert.Equal(30, files.Keys.Count(k => k.StartsWith("lines/", StringComparison.Ordinal)));

        var second = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output, "--project", Project());

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(credits, cli.Server.BilledCharacters);
        var again = Snapshot(output);
        foreach (var (file, hash) in files.Where(f => f.Key != "manifest.json"))
        {
            Assert.True(again[file] == hash, $"{file} changed on an unchanged re-render");
        }

        Assert.Equal(Stable(Path.Combine(output, "manifest.json"), files), Stable(Path.Combine(output, "manifest.json"), again));

        var edited = Lines(30);
        edited[6] = ("bob", "This seventh line was rewritten after review.");
        WriteScript(cli, edited);
        var third = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output, "--project", Project());

        Assert.Equal(0, third.ExitCode);
        Assert.Equal(Encoding.UTF8.GetByteCount(edited[6].Text), cli.Server.BilledCharacters - credits);
        var after = Snapshot(output);
        Assert.NotEqual(files["lines/line-7.mp3"], after["lines/line-7.mp3"]);
        Assert.All(Enumerable.Range(1, 30).Where(i => i != 7), i => Assert.Equal(files[$"lines/line-{i}.mp3"], after[$"lines/line-{i}.mp3"]));
    }

    [Fact]
    public async Task Render_Track_MeetsThePresetByFfmpegAndCaptionsAndManifestHold()
    {
        await using var cli = await StartAsync();
        var script = WriteScript(cli, Lines(8));
        var output = Path.Combine(cli.Directory, "out");

        var run = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output, "--loudness", "podcast", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var (lufs, peak) = await Ffmpeg.LoudnessAsync(Path.Combine(output, "track.mp3"));
        Assert.InRange(lufs, -16.5, -15.5);
        Assert.True(peak <= -1.0, $"true peak {peak} dBTP");
        using var manifest = JsonDocument.Parse(run.Output);
        var lines = manifest.RootElement.GetProperty("lines").EnumerateArray().ToList();
        foreach (var line in lines)
        {
            var file = Path.Combine(output, line.GetProperty("file").GetString()!);
            Assert.Equal(line.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))));
            Assert.InRange(await Ffmpeg.DecodedMillisecondsAsync(file) - line.GetProperty("duration_ms").GetInt64(), -50, 50);
        }

        var spans = lines.Select(l => (Start: l.GetProperty("offset_ms").GetInt64(), End: l.GetProperty("offset_ms").GetInt64() + l.GetProperty("duration_ms").GetInt64())).ToList();
        foreach (var captions in new[] { "captions.srt", "captions.vtt" })
        {
            var cues = await Ffmpeg.CuesAsync(Path.Combine(output, captions));
            Assert.True(cues.Count >= lines.Count, $"{captions}: {cues.Count} cues");
            Assert.All(cues, cue => Assert.Contains(spans, span => cue.Start >= span.Start && cue.End <= span.End + 1));
        }

        Assert.Empty(manifest.RootElement.GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task Render_LocalEngineWithoutAnyKey_CostsNothingAndRerendersByteIdentical()
    {
        var directory = Directory.CreateTempSubdirectory("speechgate-render-local-").FullName;
        try
        {
            var script = Path.Combine(directory, "script.txt");
            await File.WriteAllTextAsync(script, "A first paragraph, read by eSpeak.\n\nA second one, a little longer than the first.\n\nThe end.\n");
            var output = Path.Combine(directory, "out");
            void Local(IServiceCollection services)
            {
                foreach (var fake in services.Where(s => s.IsKeyedService && Equals(s.ServiceKey, "local")).ToList())
                {
                    services.Remove(fake);
                }

                services.AddLocalSpeechProvider();
                services.Configure<SpeechCacheOptions>(options => options.Directory = Path.Combine(directory, "cache"));
            }

            var first = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), new FakeVoiceDirectory("local"), Local, "render", script, "-o", output, "--json");
            var files = Snapshot(output);
            var second = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), new FakeVoiceDirectory("local"), Local, "render", script, "-o", output, "--json");

            Assert.True(first.ExitCode == 0, first.Error);
            Assert.Equal(0, second.ExitCode);
            using var manifest = JsonDocument.Parse(first.Output);
            Assert.Equal(0, manifest.RootElement.GetProperty("totals").GetProperty("credits").GetDouble());
            Assert.Equal(3, manifest.RootElement.GetProperty("totals").GetProperty("paid").GetInt32());
            using var again = JsonDocument.Parse(second.Output);
            Assert.Equal(3, again.RootElement.GetProperty("totals").GetProperty("cached").GetInt32());
            Assert.All(files.Where(f => f.Key != "manifest.json"), f => Assert.Equal(f.Value, Snapshot(output)[f.Key]));
            var (lufs, peak) = await Ffmpeg.LoudnessAsync(Path.Combine(output, "track.mp3"));
            Assert.InRange(lufs, -16.5, -15.5);
            Assert.True(peak <= -1.0, $"true peak {peak} dBTP");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Render_DryRun_ShowsThePlanAndNeitherPaysNorWrites()
    {
        await using var cli = await StartAsync();
        var script = WriteScript(cli, Lines(4));
        var output = Path.Combine(cli.Directory, "out");

        var run = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output, "--dry-run", "--json");

        Assert.Equal(0, run.ExitCode);
        using var plan = JsonDocument.Parse(run.Output);
        Assert.Equal(Lines(4).Sum(l => l.Text.Length), plan.RootElement.GetProperty("creditsToSpend").GetInt64());
        Assert.All(plan.RootElement.GetProperty("lines").EnumerateArray(), l => Assert.Equal("pay", l.GetProperty("action").GetString()));
        Assert.Equal(0, cli.Server.BilledCharacters);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Render_RequireLock_RefusesAChangedLineBeforePayingAndRendersTheLockedScript()
    {
        await using var cli = await StartAsync();
        var lines = Lines(3);
        var script = WriteScript(cli, lines);
        var output = Path.Combine(cli.Directory, "out");

        var missing = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output, "--require-lock");
        Assert.Equal(0, (await cli.RunAsync("proof", script, "--lock")).ExitCode);
        lines[1] = (lines[1].Voice, "An edited second line nobody proofed.");
        WriteScript(cli, lines);
        var changed = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output, "--require-lock");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--lock", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, changed.ExitCode);
        Assert.Contains("line-2 (text changed)", changed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("line-1", changed.Error, StringComparison.Ordinal);
        Assert.Equal(0, cli.Server.BilledCharacters);
        Assert.False(Directory.Exists(output));

        Assert.Equal(0, (await cli.RunAsync("proof", script, "--lock")).ExitCode);
        var locked = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output, "--require-lock");
        Assert.Equal(0, locked.ExitCode);
        Assert.Equal(lines.Sum(l => l.Text.Length), cli.Server.BilledCharacters);
    }

    [Fact]
    public async Task Render_HardBudgetTooSmall_RefusesBeforePayingAndAllowPartialRendersWhatFits()
    {
        await using var cli = await StartAsync();
        var project = Project();
        var lines = Lines(6);
        var script = WriteScript(cli, lines);
        var output = Path.Combine(cli.Directory, "out");
        var fits = lines[0].Text.Length + lines[1].Text.Length + 1;
        Assert.Equal(0, (await cli.RunAsync("budget", "set", "--project", project, "--period", "day", "--credits", fits.ToString(CultureInfo.InvariantCulture))).ExitCode);

        var refused = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output, "--project", project);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("budget_exceeded", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, cli.Server.BilledCharacters);
        Assert.False(Directory.Exists(output));

        var partial = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output, "--project", project, "--allow-partial", "--json");

        Assert.True(partial.ExitCode == 0, partial.Error);
        Assert.Equal(fits - 1, cli.Server.BilledCharacters);
        using var manifest = JsonDocument.Parse(partial.Output);
        Assert.Equal(["miss", "miss", "skipped", "skipped", "skipped", "skipped"], manifest.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("cache").GetString()));
    }

    [Fact]
    public async Task Render_NewTakeThenTakeOne_PaysOnceKeepsBothAndDeliversTheChoice()
    {
        await using var cli = await StartAsync();
        var takes = 0;
        cli.Server.Behavior.AudioFactory = (identity, format, seconds) => SpeechLikeMp3.Create($"{identity}#{Interlocked.Increment(ref takes)}", format, seconds);
        var lines = Lines(3);
        var script = WriteScript(cli, lines);
        var output = Path.Combine(cli.Directory, "out");
        Assert.Equal(0, (await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output)).ExitCode);
        var firstTake = File.ReadAllBytes(Path.Combine(output, "lines", "line-2.mp3"));
        var billed = cli.Server.BilledCharacters;

        var newTake = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output, "--line", "line-2", "--new-take");

        Assert.True(newTake.ExitCode == 0, newTake.Error);
        Assert.Equal(lines[1].Text.Length, cli.Server.BilledCharacters - billed);
        Assert.Equal(firstTake, File.ReadAllBytes(Path.Combine(output, "takes", "line-2", "1.mp3")));
        var secondTake = File.ReadAllBytes(Path.Combine(output, "takes", "line-2", "2.mp3"));
        Assert.NotEqual(firstTake, secondTake);
        Assert.Equal(secondTake, File.ReadAllBytes(Path.Combine(output, "lines", "line-2.mp3")));

        var kept = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output);
        Assert.Equal(secondTake, File.ReadAllBytes(Path.Combine(output, "lines", "line-2.mp3")));

        var back = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", output, "--take", "line-2=1");

        Assert.Equal(0, back.ExitCode);
        Assert.Equal(billed + lines[1].Text.Length, cli.Server.BilledCharacters);
        Assert.Equal(firstTake, File.ReadAllBytes(Path.Combine(output, "lines", "line-2.mp3")));
        Assert.Equal(0, kept.ExitCode);
    }

    [Theory]
    [InlineData("script.srt", "1\n00:00:01,000 --> 00:00:02,500\n<v alice>Hello from the cue.\n\n2\n00:00:04,000 --> 00:00:06,000\n<v bob>And a reply at four seconds.\n")]
    [InlineData("script.vtt", "WEBVTT\n\nintro\n00:01.000 --> 00:02.500\n<v alice>Hello from the cue.</v>\n\n00:04.000 --> 00:06.000\n<v bob>And a reply at four seconds.\n")]
    [InlineData("script.csv", "speaker,line,start,end\nalice,Hello from the cue.,1,2.5\nbob,\"And a reply at four seconds.\",4,6\n")]
    public async Task Render_TimedScripts_PlaceLinesAtTheirCueTimesWithTheirSpeakers(string name, string content)
    {
        await using var cli = await StartAsync();
        var script = Path.Combine(cli.Directory, name);
        await File.WriteAllTextAsync(script, content);

        var run = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", Path.Combine(cli.Directory, "out"), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var manifest = JsonDocument.Parse(run.Output);
        var lines = manifest.RootElement.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([1000L, 4000L], lines.Select(l => l.GetProperty("offset_ms").GetInt64()));
        Assert.Equal([FakeVoiceCatalog.Rachel, FakeVoiceCatalog.George], lines.Select(l => l.GetProperty("voice_id").GetString()));
    }

    [Fact]
    public async Task Render_BadInput_ExitsTwoWithOneLine()
    {
        await using var cli = await StartAsync();
        var script = WriteScript(cli, Lines(2));

        var noOutput = await cli.RunAsync("render", script, "--provider", "elevenlabs");
        var badLoudness = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", Path.Combine(cli.Directory, "o"), "--loudness", "loud");
        var missing = await cli.RunAsync("render", Path.Combine(cli.Directory, "nope.yaml"), "-o", Path.Combine(cli.Directory, "o"));
        var unknownTake = await cli.RunAsync("render", script, "--provider", "elevenlabs", "-o", Path.Combine(cli.Directory, "o"), "--take", "line-1=3");

        Assert.All([noOutput, badLoudness, missing, unknownTake], run =>
        {
            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        });
        Assert.Equal(0, cli.Server.BilledCharacters);
    }

    internal static async Task<FakeElevenLabsCli> StartAsync()
    {
        var cli = await FakeElevenLabsCli.StartAsync(Voices);
        cli.CacheDirectory = Path.Combine(cli.Directory, "cache");
        cli.Server.Behavior.AudioFactory = SpeechLikeMp3.Create;
        return cli;
    }

    internal static List<(string Voice, string Text)> Lines(int count)
        => [.. Enumerable.Range(1, count).Select(i => (i % 2 == 1 ? "alice" : "bob", $"Line {i} of the voiceover, said clearly and at an even pace."))];

    internal static string WriteScript(FakeElevenLabsCli cli, List<(string Voice, string Text)> lines)
    {
        var yaml = new StringBuilder("lines:\n");
        for (var i = 0; i < lines.Count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: line-{i + 1}\n    voice: {lines[i].Voice}\n    text: \"{lines[i].Text}\"\n");
        }

        var path = Path.Combine(cli.Directory, "script.yaml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }

    private static string Project() => "render-" + Guid.NewGuid().ToString("N")[..8];

    private static Dictionary<string, string> Snapshot(string directory)
        => Directory.GetFiles(directory, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(directory, f).Replace('\\', '/'),
            f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))),
            StringComparer.Ordinal);

    /// <summary>The manifest without what describes one run (per-line cache status and credits, the run's totals).</summary>
    private static string Stable(string path, Dictionary<string, string> _)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        json["totals"]!.AsObject().Remove("credits");
        json["totals"]!.AsObject().Remove("paid");
        json["totals"]!.AsObject().Remove("cached");
        foreach (var line in json["lines"]!.AsArray())
        {
            line!.AsObject().Remove("cache");
            line.AsObject().Remove("credits");
        }

        return json.ToJsonString();
    }
}
