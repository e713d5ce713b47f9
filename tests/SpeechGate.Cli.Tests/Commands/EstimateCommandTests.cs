using System.Text.Json;
using SpeechGate.Testing;

namespace SpeechGate.Cli.Tests.Commands;

public sealed class EstimateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("speechgate-estimate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Estimate_YamlScript_PricesEveryLineByModel()
    {
        var path = Path.Combine(_directory, "script.yaml");
        await File.WriteAllTextAsync(path, """
            voice: narrator
            model: eleven_multilingual_v2
            lines:
              - id: intro
                text: "Twenty characters!!!"
              - id: outro
                text: "Ten chars!"
                model: eleven_flash_v2_5
            """);

        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "estimate", path, "--provider", "elevenlabs", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(2, json.RootElement.GetProperty("requests").GetInt32());
        Assert.Equal(30, json.RootElement.GetProperty("characters").GetInt64());
        Assert.Equal(25, json.RootElement.GetProperty("credits").GetInt64());
    }

    [Fact]
    public async Task Estimate_StandardInputPlainText_OneLinePerParagraph()
    {
        CliRun.StandardInput = "First paragraph.\n\nSecond one.";

        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "estimate", "-", "--provider", "elevenlabs");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 lines, 27 characters", run.Output, StringComparison.Ordinal);
        Assert.Contains("27 credits", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_MalformedYaml_NamesTheLine()
    {
        var path = Path.Combine(_directory, "bad.yaml");
        await File.WriteAllTextAsync(path, "lines:\n  - text: ok\n  - text: [unclosed\n");

        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "estimate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.yaml:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_MissingFile_ExitsOne()
    {
        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "estimate", Path.Combine(_directory, "nope.txt"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No such file", run.Error, StringComparison.Ordinal);
    }
}
