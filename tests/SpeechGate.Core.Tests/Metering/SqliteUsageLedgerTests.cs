using SpeechGate.Core.Tests.Budgeting;
using SpeechGate.Metering;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Core.Tests.Metering;

public partial class SqliteUsageLedgerTests
{
    private static UsageRecord Row(string key, long credits, SpeechCacheStatus status = SpeechCacheStatus.Miss, string? line = "l1", string project = "p")
        => new()
        {
            Time = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero),
            Provider = "elevenlabs",
            VoiceId = "v",
            Project = project,
            LineId = line,
            AudioKey = key,
            Credits = credits,
            EstimatedCredits = 10,
            Characters = 10,
            CacheStatus = status,
        };

    [Fact]
    public async Task AppendAsync_NewAudioForSameLine_IsRegeneration()
    {
        await using var host = new BudgetTestHost(new FakeSpeechSynthesizer());

        var first = await host.Ledger.AppendAsync(Row("k1", 10));
        var second = await host.Ledger.AppendAsync(Row("k2", 10));

        Assert.False(first.Regeneration);
        Assert.True(second.Regeneration);
        Assert.False(second.Rebuy);
    }

    [Fact]
    public async Task AppendAsync_SameAudioPaidTwice_IsRebuy()
    {
        await using var host = new BudgetTestHost(new FakeSpeechSynthesizer());

        await host.Ledger.AppendAsync(Row("k1", 10));
        var again = await host.Ledger.AppendAsync(Row("k1", 10, SpeechCacheStatus.Bypass));

        Assert.True(again.Rebuy);
        Assert.False(again.Regeneration);
    }

    [Fact]
    public async Task SummarizeAsync_ReportsSpentSavedAndWasted()
    {
        await using var host = new BudgetTestHost(new FakeSpeechSynthesizer());
        await host.Ledger.AppendAsync(Row("k1", 10));
        await host.Ledger.AppendAsync(Row("k1", 0, SpeechCacheStatus.Hit));
        await host.Ledger.AppendAsync(Row("k2", 7));
        await host.Ledger.AppendAsync(Row("k3", 5, line: null, project: "other"));

        var totals = await host.Ledger.SummarizeAsync(LedgerGrouping.Project, since: null);

        var all = totals[0];
        Assert.Null(all.Group);
        Assert.Equal(4, all.Requests);
        Assert.Equal(22, all.SpentCredits);
        Assert.Equal(10, all.SavedCredits);
        Assert.Equal(7, all.WastedCredits);
        Assert.Equal(1, all.CacheHits);
        Assert.Equal(17, totals.Single(t => t.Group == "p").SpentCredits);
        Assert.Equal(5, totals.Single(t => t.Group == "other").SpentCredits);
    }

    [Fact]
    public async Task SynthesizeAsync_Metering_RecordsEveryAnswerWithCredits()
    {
        await using var host = new BudgetTestHost(new FakeSpeechSynthesizer());

        await host.SayAsync(new SpeechRequest("abc", "v") { AccountId = "key9", ModelId = "eleven_flash_v2_5" });
        var totals = await host.Ledger.SummarizeAsync(LedgerGrouping.Key, since: null);

        Assert.Equal(3, totals[0].SpentCredits);
        Assert.Equal("key9", totals[1].Group);
    }
}
