using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Jobs;
using SpeechGate.Testing;
using SpeechGate.Voices;

namespace SpeechGate.Cli.Tests.Commands;

public sealed class JobsCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("speechgate-jobs-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RunNow_RendersAndDelivers_ThenHistoryAndShowReportIt()
    {
        var job = await JobAsync();

        var run = await InvokeAsync(job, "jobs", "run", job.Name, "--now");
        var history = await InvokeAsync(job, "jobs", "history", job.Name, "--json");
        var show = await InvokeAsync(job, "jobs", "show", job.Name);

        Assert.True(run.ExitCode == 0, run.Error);
        var id = run.Output.Trim();
        Assert.StartsWith("run_", id, StringComparison.Ordinal);
        Assert.Contains("succeeded: 2/2 lines", run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "out", job.Name, "manifest.json")));
        using var json = JsonDocument.Parse(history.Output);
        var entry = json.RootElement[0];
        Assert.Equal(id, entry.GetProperty("run").GetProperty("id").GetString());
        Assert.Equal("succeeded", entry.GetProperty("run").GetProperty("status").GetString());
        Assert.True(entry.GetProperty("deliveries")[0].GetProperty("delivered").GetBoolean());
        Assert.Contains("schedule:  0 6 * * * (Europe/Berlin)", show.Output, StringComparison.Ordinal);
        Assert.Contains("next run:", show.Output, StringComparison.Ordinal);
        Assert.Contains(id, show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutNow_QueuesARunForServe()
    {
        var job = await JobAsync();

        var run = await InvokeAsync(job, "jobs", "run", job.Name);
        var list = await InvokeAsync(job, "jobs", "list", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("queued", run.Error, StringComparison.Ordinal);
        var queued = await SqliteJobRunStore.Open(CliRun.DataDirectory).GetAsync(run.Output.Trim());
        Assert.Equal(JobRunStatus.Pending, queued!.Status);
        Assert.Contains(job.Name, list.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("show")]
    [InlineData("history")]
    public async Task UnknownJob_IsBadInput(string verb)
    {
        var job = await JobAsync();

        var run = await InvokeAsync(job, "jobs", verb, "no-such-job");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-such-job", run.Error, StringComparison.Ordinal);
    }

    private async Task<JobDefinition> JobAsync()
    {
        var script = Path.Combine(_directory, "script.yaml");
        await File.WriteAllTextAsync(script, "lines:\n  - text: One.\n  - text: Two.\n");
        return new JobDefinition
        {
            Name = "cli-" + Guid.NewGuid().ToString("N")[..8],
            Script = script,
            Schedule = "0 6 * * *",
            TimeZone = "Europe/Berlin",
            Deliver = [new DeliveryTargetOptions { Type = "folder", Path = Path.Combine(_directory, "out") }],
        };
    }

    private static Task<CliRun> InvokeAsync(JobDefinition job, params string[] args)
        => CliRun.InvokeAsync(new FakeSpeechSynthesizer(), new FakeVoiceDirectory("local", new VoiceInfo("en-us", "English (America)", "premade", "local")), services =>
        {
            services.AddSingleton(new JobCatalog([job]));

            // The real renderer joins and measures real audio: the real local engine speaks, not the fake.
            foreach (var fake in services.Where(service => service.IsKeyedService && Equals(service.ServiceKey, "local")).ToList())
            {
                services.Remove(fake);
            }

            services.AddLocalSpeechProvider();
        }, args);
}
