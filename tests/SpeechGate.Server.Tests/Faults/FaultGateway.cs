using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Budgeting;
using SpeechGate.Caching;
using SpeechGate.Metering;
using SpeechGate.Server.Tests.Pipeline;
using SpeechGate.Testing.FakeElevenLabs;

namespace SpeechGate.Server.Tests.Faults;

/// <summary>What every fault case asserts: upstream billed, ledger total, budget state, what the client got, what is cached.</summary>
internal static class FaultGateway
{
    public const string Voice = FakeVoiceCatalog.George;

    public static HttpRequestMessage Tts(string route, string text, string query = "")
        => PipelineGateway.Post($"/v1/text-to-speech/{Voice}{route}{query}", JsonSerializer.Serialize(new { text }));

    /// <summary>Credits the ledger says were spent (the admin route, which first writes anything waiting in the backlog).</summary>
    public static async Task<long> LedgerSpentAsync(PipelineGateway pipeline)
    {
        using var ledger = JsonDocument.Parse(await pipeline.Client.GetStringAsync("/v1/speechgate/ledger"));
        return ledger.RootElement.GetProperty("totals")[0].GetProperty("spent_credits").GetInt64();
    }

    /// <summary>The same figure read in-process (for gateways with keys on, whose ledger route needs an admin key).</summary>
    public static async Task<long> LedgerSpentInProcessAsync(PipelineGateway pipeline)
    {
        await Backlog(pipeline).DrainAsync();
        var totals = await pipeline.Gateway.App.Services.GetRequiredService<IUsageLedger>().SummarizeAsync(LedgerGrouping.None, since: null);
        return totals.Sum(t => t.SpentCredits);
    }

    /// <summary>A hard monthly project budget of <paramref name="limit"/> credits for requests tagged <c>faults</c>.</summary>
    public static Task SetBudgetAsync(PipelineGateway pipeline, long limit)
        => Budgets(pipeline).SetAsync(new Budget(BudgetScope.Project, "faults", BudgetPeriod.Month, limit, BudgetMode.Hard));

    public static async Task<(long Spent, long Reserved)> BudgetAsync(PipelineGateway pipeline)
    {
        var status = (await Budgets(pipeline).ListAsync()).Single();
        return (status.SpentCredits, status.ReservedCredits);
    }

    public static HttpRequestMessage Tagged(HttpRequestMessage request)
    {
        request.Headers.Add("x-speechgate-project", "faults");
        return request;
    }

    public static async Task<long> CacheEntriesAsync(PipelineGateway pipeline)
        => (await pipeline.Gateway.App.Services.GetRequiredService<FileSpeechCache>().GetStatsAsync()).Entries;

    public static LedgerBacklog Backlog(PipelineGateway pipeline) => pipeline.Gateway.App.Services.GetRequiredService<LedgerBacklog>();

    /// <summary>The clip upstream generated for a request (what History serves), to compare with what the client got.</summary>
    public static byte[] UpstreamClip(PipelineGateway pipeline, FakeElevenLabsRequest request)
    {
        var item = pipeline.Upstream.Account.History[request.HistoryItemId!];
        return FakeAudio.Bytes(item.AudioIdentity!, Audio.AudioFormat.Parse(item.OutputFormat), item.Seconds);
    }

    private static IBudgetStore Budgets(PipelineGateway pipeline) => pipeline.Gateway.App.Services.GetRequiredService<IBudgetStore>();
}
