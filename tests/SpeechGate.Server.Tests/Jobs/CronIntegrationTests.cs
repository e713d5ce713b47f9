using SpeechGate.Jobs;

namespace SpeechGate.Server.Tests.Jobs;

/// <summary>A real one-minute cron in a running gateway fires on the minute (at most about 70 seconds of waiting).</summary>
public sealed class CronIntegrationTests
{
    [Fact]
    public async Task EveryMinuteCron_FiresAtTheNextMinute_AndTheRunSucceeds()
    {
        var directory = Directory.CreateTempSubdirectory("speechgate-cron-").FullName;
        var script = Path.Combine(directory, "minute.txt");
        await File.WriteAllTextAsync(script, "On the minute.");
        await using var gateway = await JobsGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Jobs:minute:Script"] = script,
            ["Jobs:minute:Schedule"] = "* * * * *",
            ["Jobs:minute:Deliver:0:Type"] = "folder",
            ["Jobs:minute:Deliver:0:Path"] = Path.Combine(directory, "out"),
        });

        var run = await gateway.WaitForRunAsync(r => r.Job == "minute" && r.IsFinished, TimeSpan.FromSeconds(75));

        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        Assert.StartsWith("cron:", run.Occurrence, StringComparison.Ordinal);
        var instant = DateTimeOffset.Parse(run.Occurrence["cron:".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, instant.Second);
        Assert.True(run.CreatedAt >= instant, $"created {run.CreatedAt:O} before its occurrence {instant:O}");
        Assert.True(File.Exists(Path.Combine(directory, "out", "minute", "manifest.json")));
    }
}
