using SpeechGate.Core.Tests.Storage;
using SpeechGate.Metering;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Metering;

public partial class SqliteUsageLedgerTests
{
    // Three identical cache hits folded into one row, and one paid miss in another project.
    private static UsageRecord FoldedHits => Row("k1", 0, SpeechCacheStatus.Hit, project: "hits") with { Answers = 3, Characters = 10, EstimatedCredits = 5 };

    private static UsageRecord PaidMiss => Row("k2", 7, SpeechCacheStatus.Miss, project: "paid") with { Characters = 7, EstimatedCredits = 7 };

    [Fact]
    public void UsageRecord_Answers_DefaultsToOne()
        => Assert.Equal(1, Row("k", 0).Answers);

    [Fact]
    public async Task SummarizeAsync_FoldedHitRow_WeighsEveryTotalByAnswers()
    {
        using var file = new LedgerFile();
        var ledger = file.OpenLedger();
        await ledger.AppendAsync(FoldedHits);
        await ledger.AppendAsync(PaidMiss);

        var totals = await ledger.SummarizeAsync(LedgerGrouping.Project, since: null);

        Assert.Equal(new LedgerTotals(null, Requests: 4, Characters: 37, SpentCredits: 7, SavedCredits: 15, WastedCredits: 0, CacheHits: 3), totals[0]);
        Assert.Equal(new LedgerTotals("hits", 3, 30, 0, 15, 0, 3), totals.Single(t => t.Group == "hits"));
        Assert.Equal(new LedgerTotals("paid", 1, 7, 7, 0, 0, 0), totals.Single(t => t.Group == "paid"));
        Assert.Equal(3, totals.Count);
    }

    [Theory]
    [InlineData(LedgerGrouping.Key)]
    [InlineData(LedgerGrouping.Project)]
    [InlineData(LedgerGrouping.Voice)]
    [InlineData(LedgerGrouping.Model)]
    [InlineData(LedgerGrouping.Day)]
    public async Task SummarizeAsync_AnyGrouping_WeighsGroupsLikeTheTotal(LedgerGrouping grouping)
    {
        using var file = new LedgerFile();
        var ledger = file.OpenLedger();
        await ledger.AppendAsync(FoldedHits with { Project = "p" });
        await ledger.AppendAsync(PaidMiss with { Project = "p" });

        var totals = await ledger.SummarizeAsync(grouping, since: null);

        Assert.Equal(2, totals.Count);
        Assert.Equal(new LedgerTotals(null, 4, 37, 7, 15, 0, 3), totals[0]);
        Assert.Equal(totals[0] with { Group = totals[1].Group }, totals[1]);
    }

    [Fact]
    public async Task SummarizeAsync_FoldedCoalescedRow_SavesPerAnswerButIsNoCacheHit()
    {
        using var file = new LedgerFile();
        var ledger = file.OpenLedger();
        await ledger.AppendAsync(FoldedHits with { CacheStatus = SpeechCacheStatus.Coalesced, Answers = 2 });

        var totals = (await ledger.SummarizeAsync(LedgerGrouping.None, since: null))[0];

        Assert.Equal(new LedgerTotals(null, Requests: 2, Characters: 20, SpentCredits: 0, SavedCredits: 10, WastedCredits: 0, CacheHits: 0), totals);
    }

    [Fact]
    public async Task SummarizeAsync_Since_CountsAnswersOfLaterRowsOnly()
    {
        using var file = new LedgerFile();
        var ledger = file.OpenLedger();
        var early = FoldedHits;
        await ledger.AppendAsync(early);
        await ledger.AppendAsync(early with { Time = early.Time.AddHours(1), Answers = 2 });

        var totals = (await ledger.SummarizeAsync(LedgerGrouping.None, since: early.Time.AddMinutes(30)))[0];

        Assert.Equal((2L, 2L, 10L), (totals.Requests, totals.CacheHits, totals.SavedCredits));
    }

    [Fact]
    public async Task AppendManyAsync_FoldedRows_StoresAnswersPerRowInOrder()
    {
        using var file = new LedgerFile();
        var ledger = file.OpenLedger();

        var appended = await ledger.AppendManyAsync([FoldedHits with { Answers = 4 }, PaidMiss, FoldedHits]);

        Assert.Equal([4, 1, 3], appended.Select(r => r.Answers));
        Assert.Equal(8, SqliteFile.Scalar(file.Path, "SELECT SUM(answers) FROM ledger"));
        Assert.Equal(4, SqliteFile.Scalar(file.Path, "SELECT answers FROM ledger ORDER BY id LIMIT 1"));
        Assert.Equal(8, (await ledger.SummarizeAsync(LedgerGrouping.None, since: null))[0].Requests);
    }
}
