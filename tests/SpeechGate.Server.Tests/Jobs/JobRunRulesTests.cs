using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Budgeting;
using SpeechGate.Jobs;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Jobs;

/// <summary>Money rules of runs: a gone voice fails before any line is paid; a hard budget's refusal is reported, not retried.</summary>
public sealed class JobRunRulesTests
{
    [Fact]
    public async Task GoneVoice_FailsTheRunBeforeAnyLineIsPaid_AndSaysWhich()
    {
        await using var upstream = await FakeElevenLabsServer.StartAsync();
        upstream.Account.Voices.TryRemove(FakeVoiceCatalog.George, out _);
        await using var gateway = await JobsGateway.StartAsync(new Dictionary<string, string?>(), upstream);

        var id = await CreateAsync(gateway, $"voice: {FakeVoiceCatalog.Rachel}\nlines:\n  - text: First line is fine.\n  - text: Second line lost its voice.\n    voice: {FakeVoiceCatalog.George}\n");
        var run = await gateway.WaitForRunAsync(r => r.Id == id && r.IsFinished);

        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.Equal("voice_not_found", run.ErrorStatus);
        Assert.Contains(FakeVoiceCatalog.George, run.Message, StringComparison.Ordinal);
        Assert.Contains("before any line was paid", run.Message, StringComparison.Ordinal);
        Assert.Equal(0, upstream.BilledCharacters);
        Assert.DoesNotContain(upstream.Requests, r => r.Path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal));
        var status = await gateway.GetJsonAsync($"/v1/speechgate/renders/{id}");
        Assert.Equal("voice_not_found", status.GetProperty("error").GetProperty("status").GetString());
    }

    [Fact]
    public async Task HardBudgetRefusal_IsReportedAsRefused_AndNotRetried()
    {
        await using var upstream = await FakeElevenLabsServer.StartAsync();
        await using var gateway = await JobsGateway.StartAsync(new Dictionary<string, string?>(), upstream);
        await gateway.App.Services.GetRequiredService<IBudgetStore>().SetAsync(new Budget(BudgetScope.Project, "promo", BudgetPeriod.Month, 5, BudgetMode.Hard));

        var id = await CreateAsync(gateway, "lines:\n  - text: This line costs far more than five credits.\n", project: "promo");
        var run = await gateway.WaitForRunAsync(r => r.Id == id && r.IsFinished);
        await Task.Delay(TimeSpan.FromSeconds(1)); // several poll intervals: a retry loop would have claimed it again

        run = (await gateway.Runs.GetAsync(id))!;
        Assert.Equal(JobRunStatus.Refused, run.Status);
        Assert.Equal("budget_exceeded", run.ErrorStatus);
        Assert.Equal(1, run.Attempts);
        Assert.Equal(0, upstream.BilledCharacters);
        Assert.Equal("refused", (await gateway.GetJsonAsync($"/v1/speechgate/renders/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task JobRuns_AreMeteredAsTheJobsProject()
    {
        await using var upstream = await FakeElevenLabsServer.StartAsync();
        var script = Path.Combine(Directory.CreateTempSubdirectory("speechgate-project-").FullName, "ad.yaml");
        await File.WriteAllTextAsync(script, "lines:\n  - text: Metered as the job's project.\n");
        await using var gateway = await JobsGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Jobs:ad:Script"] = script,
            ["Jobs:ad:Project"] = "campaign",
        }, upstream);

        using var created = await gateway.PostRenderAsync(new { job = "ad" });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("render_id").GetString();
        await gateway.WaitForRunAsync(r => r.Id == id && r.IsFinished);
        var ledger = await gateway.GetJsonAsync("/v1/speechgate/ledger?by=project");

        var row = Assert.Single(ledger.GetProperty("totals").EnumerateArray(), t => t.GetProperty("group").GetString() == "campaign");
        Assert.Equal(upstream.BilledCharacters, row.GetProperty("spent_credits").GetInt64());
    }

    private static async Task<string> CreateAsync(JobsGateway gateway, string script, string? project = null)
    {
        using var created = await gateway.PostRenderAsync(new { script, project });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("render_id").GetString()!;
    }
}
