using System.Text.Json;
using SpeechGate.Testing;

namespace SpeechGate.Cli.Tests.Commands;

public class BudgetCommandTests
{
    [Fact]
    public async Task BudgetSetThenShow_ListsTheBudget()
    {
        var project = "proj-" + Guid.NewGuid().ToString("N")[..8];

        var set = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "budget", "set", "--project", project, "--period", "day", "--credits", "500");
        var show = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "budget", "show", "--json");

        Assert.Equal(0, set.ExitCode);
        using var json = JsonDocument.Parse(show.Output);
        var row = json.RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == $"project:{project}/day");
        Assert.Equal(500, row.GetProperty("limit").GetInt64());
        Assert.Equal("hard", row.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task BudgetSet_NeitherKeyNorProject_ExitsTwo()
    {
        var run = await CliRun.InvokeAsync(new FakeSpeechSynthesizer(), "budget", "set", "--credits", "5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--key or --project", run.Error, StringComparison.Ordinal);
    }
}
