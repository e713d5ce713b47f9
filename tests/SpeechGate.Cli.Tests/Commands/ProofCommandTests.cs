using System.Text.Json;
using SpeechGate.Testing;
using SpeechGate.Testing.FakeElevenLabs;
using SpeechGate.Voiceover;

namespace SpeechGate.Cli.Tests.Commands;

/// <summary>Issue 13 as a new user tries it: proof a messy script, fix it, render it, and pay for no blanks.</summary>
public sealed class ProofCommandTests : IDisposable
{
    private static readonly string LongLine = string.Join(' ', Enumerable.Repeat("word", 2100));

    private static readonly string MessyScript =
        "Welcome to the demo.  Our narator will guide you.\n\n"
        + "It costs $1,000,000 and Dr. Smith agrees.\n\n"
        + "Zero\u200Bwidth here.\n\n"
        + LongLine + "\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("speechgate-proof-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Proof_MessyScript_ListsEachProblemWithLineColumnAndSuggestion_BeforeAnyUpstreamCall()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync("voices: {}\n");
        var path = await WriteAsync("script.txt", MessyScript);

        var run = await cli.RunAsync("proof", path, "--json");

        Assert.Equal(1, run.ExitCode);
        var findings = Findings(run.Output);
        Assert.Contains(("1:21", "SG-WS", "one space"), findings);
        Assert.Contains(findings, f => f.Where == "1:27" && f.Code == "SG-SPELL" && f.Suggestion!.Contains("narrator", StringComparison.Ordinal));
        Assert.Contains(("3:10", "SG-CURRENCY", "one million dollars"), findings);
        Assert.Contains(("3:25", "SG-ABBREV", "Doctor"), findings);
        Assert.Contains(("5:5", "SG-INVISIBLE", "remove"), findings);
        Assert.Contains(findings, f => f.Where == "7:10001" && f.Code == "SG-LIMIT");
        Assert.DoesNotContain(cli.Server.Requests, r => r.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal));
        Assert.Equal(0, cli.Server.BilledCharacters);
    }

    [Fact]
    public async Task Proof_Table_ShowsWhereSeverityFindingSuggestionAndCredits()
    {
        var path = await WriteAsync("script.txt", "It costs $1,000,000.  Really.\n");

        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "proof", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1:10", run.Output, StringComparison.Ordinal);
        Assert.Contains("one million dollars", run.Output, StringComparison.Ordinal);
        Assert.Contains("+9", run.Output, StringComparison.Ordinal);
        Assert.Contains("1:21", run.Output, StringComparison.Ordinal);
        Assert.Contains("safe fixes save 1 billed characters", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proof_Fix_WritesTheSafeFixesAndTheReproofIsCleanOfThem()
    {
        var path = await WriteAsync("script.txt", MessyScript.Replace("\n", "\r\n", StringComparison.Ordinal));

        var fix = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "proof", path, "--fix");
        var again = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "proof", path, "--json");

        Assert.Equal(1, fix.ExitCode); // the over-limit line is still an error: it needs a writer, not a fix
        Assert.Contains("fixed 1:21 SG-WS", fix.Output, StringComparison.Ordinal);
        Assert.Contains("fixed 5:5 SG-INVISIBLE", fix.Output, StringComparison.Ordinal);
        var content = await File.ReadAllTextAsync(path);
        Assert.StartsWith("Welcome to the demo. Our narator will guide you.\r\n\r\nIt costs $1,000,000", content, StringComparison.Ordinal);
        Assert.Contains("Zerowidth here.\r\n", content, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(again.Output);
        Assert.DoesNotContain(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("safeFix").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("charactersSaved").GetInt32());
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public async Task Proof_FixCodes_AlsoAppliesChosenSuggestions()
    {
        var path = await WriteAsync("script.txt", "Call Dr. Smith about $1,000,000.\n");

        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "proof", path, "--fix", "--fix-codes", "SG-ABBREV,SG-CURRENCY");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Call Doctor Smith about one million dollars.\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Proof_FixedScriptRenderedThroughThePipeline_BillsNoBlanks()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync("voices: {}\n");
        var path = await WriteAsync("script.yaml", """
            voice: 21m00Tcm4TlvDq8ikWAM
            model: eleven_multilingual_v2
            lines:
              - id: intro
                text: "Welcome  to the demo.\u200B "
              - id: outro
                text: "Thanks   for listening."
            """);

        var fix = await cli.RunAsync("proof", path, "--fix");
        var script = VoiceoverScriptReader.Parse(await File.ReadAllTextAsync(path), path);
        foreach (var line in script.Lines)
        {
            var say = await cli.RunAsync("say", line.Text, "--provider", "elevenlabs", "--voice", FakeVoiceCatalog.Rachel, "--model", "eleven_multilingual_v2", "-o", Path.Combine(_directory, line.Id + ".mp3"));
            Assert.Equal(0, say.ExitCode);
        }

        Assert.Equal(0, fix.ExitCode);
        Assert.Equal(["Welcome to the demo.", "Thanks for listening."], script.Lines.Select(line => line.Text));
        Assert.Equal("Welcome to the demo.".Length + "Thanks for listening.".Length, cli.Server.BilledCharacters);
    }

    [Fact]
    public async Task Say_NoisyTextThroughThePipeline_BillsOnlyTheProofedCharacters()
    {
        await using var cli = await FakeElevenLabsCli.StartAsync("voices: {}\n");

        // Sarah: no other CLI test speaks with her, and the CLI tests share one ledger.
        var run = await cli.RunAsync("say", "  Hello   world.\u200B ", "--provider", "elevenlabs", "--voice", FakeVoiceCatalog.Sarah, "--model", "eleven_multilingual_v2", "-o", Path.Combine(_directory, "a.mp3"));
        var ledger = await cli.RunAsync("ledger", "--by", "voice", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Hello world.".Length, cli.Server.BilledCharacters);
        using var json = System.Text.Json.JsonDocument.Parse(ledger.Output);
        var row = json.RootElement.GetProperty("groups").EnumerateArray().Single(r => r.GetProperty("group").GetString() == FakeVoiceCatalog.Sarah);
        Assert.Equal((12, 12), (row.GetProperty("characters").GetInt64(), row.GetProperty("spentCredits").GetInt64()));
    }

    [Fact]
    public async Task Proof_Captions_PositionsPointIntoTheCueText()
    {
        var path = await WriteAsync("talk.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello  there.\n\n2\n00:00:03,000 --> 00:00:04,000\n<i>Pay $5</i>\n");

        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "proof", path, "--json");

        Assert.Equal(0, run.ExitCode);
        var findings = Findings(run.Output);
        Assert.Contains(("3:6", "SG-WS", "one space"), findings);
        Assert.Contains(("7:8", "SG-CURRENCY", "five dollars"), findings);
    }

    [Fact]
    public async Task Proof_StandardInputWithFix_PrintsTheFixedText()
    {
        CliRun.StandardInput = "Hello  world.";

        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "proof", "-", "--fix", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Hello world.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proof_CleanScript_ExitsZero()
    {
        var path = await WriteAsync("clean.txt", "A clean line.\n\nAnother one.\n");

        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "proof", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 lines: 0 errors, 0 warnings, 0 findings", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proof_WordListBesideTheScript_IsAccepted()
    {
        var path = await WriteAsync("script.txt", "Meet Zorblax today.\n");
        await WriteAsync("words.txt", "# project names\nZorblax\n");

        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "proof", path, "--json");

        Assert.DoesNotContain("SG-SPELL", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad.yaml", "lines:\n  - text: [unclosed\n")]
    [InlineData("bad.vtt", "no header\n")]
    public async Task Proof_UnreadableScript_ExitsTwo(string name, string content)
    {
        var path = await WriteAsync(name, content);

        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "proof", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(name, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proof_MissingFile_ExitsTwo()
    {
        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "proof", Path.Combine(_directory, "nope.txt"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    private static List<(string Where, string Code, string? Suggestion)> Findings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("findings").EnumerateArray().Select(f => (
            $"{f.GetProperty("line").GetInt32()}:{f.GetProperty("column").GetInt32()}",
            f.GetProperty("code").GetString()!,
            f.GetProperty("suggestion").GetString()))];
    }
}
