using System.Text.Json;
using SpeechGate.Proofing.Scripts;
using SpeechGate.Testing;
using SpeechGate.Voiceover;

namespace SpeechGate.Cli.Tests.Commands;

public sealed class DiffCommandTests : IDisposable
{
    private const string Script = """
        voice: narrator
        model: eleven_multilingual_v2
        lines:
          - id: intro
            text: "Welcome to the show."
          - id: middle
            text: "Today we talk about cheese."
          - id: outro
            text: "Thanks for listening."
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("speechgate-diff-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Diff_TwoScripts_ShowsChangedLinesTheirTextDiffAndTheCreditsOfRenderingThem()
    {
        var old = await WriteAsync("old.yaml", Script);
        var changed = await WriteAsync("new.yaml", Script
            .Replace("talk about cheese", "talk about bread", StringComparison.Ordinal)
            .Replace("\"Welcome to the show.\"", "\"Welcome  to the show. \"", StringComparison.Ordinal)
            + "\n  - id: bonus\n    text: \"One more.\"\n");

        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "diff", old, changed, "--provider", "elevenlabs");
        var json = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "diff", old, changed, "--provider", "elevenlabs", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("middle", run.Output, StringComparison.Ordinal); // ids are bold (ANSI) in the human output
        Assert.Contains(" changed (text)", run.Output, StringComparison.Ordinal);
        Assert.Contains("[-cheese-]", run.Output, StringComparison.Ordinal);
        Assert.Contains("{+bread+}", run.Output, StringComparison.Ordinal);
        Assert.Contains(" added", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("intro", run.Output, StringComparison.Ordinal); // billed noise alone is no change
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(["middle", "bonus"], document.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("Today we talk about bread.".Length + "One more.".Length, document.RootElement.GetProperty("credits").GetInt32());
    }

    [Fact]
    public async Task ProofLock_ThenEdit_DiffAgainstTheLockNamesTheChangedLine()
    {
        var path = await WriteAsync("script.yaml", Script);

        var proof = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "proof", path, "--lock");
        await File.WriteAllTextAsync(path, Script.Replace("voice: narrator\n", "voice: narrator\n", StringComparison.Ordinal)
            .Replace("    text: \"Thanks for listening.\"", "    text: \"Thanks for watching.\"\n    model: eleven_flash_v2_5", StringComparison.Ordinal));
        var diff = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "diff", path, "--json");

        Assert.Equal(0, proof.ExitCode);
        var locked = ScriptLock.Read(path + ".lock");
        Assert.Equal(["intro", "middle", "outro"], locked.Lines.Select(l => l.Id));
        Assert.Equal(ScriptLock.HashOf("Welcome to the show."), locked.Lines[0].TextSha256);
        Assert.Equal(("narrator", "eleven_multilingual_v2"), (locked.Lines[0].Voice, locked.Lines[0].Model));
        using var document = JsonDocument.Parse(diff.Output);
        var change = Assert.Single(document.RootElement.GetProperty("changes").EnumerateArray());
        Assert.Equal("outro", change.GetProperty("id").GetString());
        Assert.Equal(["text", "model"], change.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void ScriptLock_Compare_ReportsAddedRemovedAndChangedFields()
    {
        var before = ScriptLock.Create(VoiceoverScriptReader.Parse("One.\n\nTwo.\n\nThree.", "a.txt"));
        var after = ScriptLock.Create(VoiceoverScriptReader.Parse("One.\n\nTwo!", "a.txt"));

        var changes = before.Compare(after);

        Assert.Equal([("line-2", "changed", "text"), ("line-3", "removed", "")], changes.Select(c => (c.Id, c.Kind, string.Join(',', c.Fields))));
    }

    [Fact]
    public async Task Diff_NoLock_ExitsTwoSayingHowToMakeOne()
    {
        var path = await WriteAsync("script.yaml", Script);

        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "diff", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--lock", run.Error, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }
}
