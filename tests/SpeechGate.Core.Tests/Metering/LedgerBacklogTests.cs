using Microsoft.Extensions.Logging.Abstractions;
using SpeechGate.Budgeting;
using SpeechGate.Metering;
using SpeechGate.Storage;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Metering;

public sealed class LedgerBacklogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("speechgate-backlog-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task AppendAsync_LedgerFails_RowSurvivesARestartAndIsWrittenOnce()
    {
        var (ledger, budgets) = Open();
        await budgets.SetAsync(new Budget(BudgetScope.Key, "key1", BudgetPeriod.Month, 100, BudgetMode.Hard));
        var reservation = await budgets.ReserveAsync("key1", null, 40);
        var broken = new FailingLedger();
        await using (var first = new LedgerBacklog(BacklogPath, broken, new FailingBudgets(budgets), TimeProvider.System, NullLogger<LedgerBacklog>.Instance))
        {
            var returned = await first.AppendAsync(Row(40));
            await first.SettleAsync(reservation, 40);

            Assert.Equal(40, returned.Credits);
            Assert.Equal((1, 40L), (first.PendingRows, first.PendingCredits));
        }

        await using var second = new LedgerBacklog(BacklogPath, ledger, budgets, TimeProvider.System, NullLogger<LedgerBacklog>.Instance);
        var remaining = await second.DrainAsync();
        await second.DrainAsync();

        Assert.Equal(0, remaining);
        Assert.False(File.Exists(BacklogPath));
        var total = (await ledger.SummarizeAsync(LedgerGrouping.None, null))[0];
        Assert.Equal((1L, 40L), (total.Requests, total.SpentCredits));
        var budget = (await budgets.ListAsync()).Single();
        Assert.Equal((40L, 0L), (budget.SpentCredits, budget.ReservedCredits));
        Assert.True(broken.Attempts >= 1);
    }

    [Fact]
    public async Task AppendAsync_LedgerWorks_WritesDirectlyAndKeepsNoFile()
    {
        var (ledger, budgets) = Open();
        await using var backlog = new LedgerBacklog(BacklogPath, ledger, budgets, TimeProvider.System, NullLogger<LedgerBacklog>.Instance);

        await backlog.AppendAsync(Row(7));

        Assert.Equal(0, backlog.PendingRows);
        Assert.False(File.Exists(BacklogPath));
        Assert.Equal(7, (await ledger.SummarizeAsync(LedgerGrouping.None, null))[0].SpentCredits);
    }

    private string BacklogPath => Path.Combine(_directory, "ledger-backlog.jsonl");

    private (SqliteUsageLedger Ledger, SqliteBudgetStore Budgets) Open()
    {
        var database = new SqliteDatabase(Path.Combine(_directory, "speechgate.db"), SqliteBudgetStore.Schema + SqliteUsageLedger.Schema, SqliteUsageLedger.Migrations);
        return (new SqliteUsageLedger(database), new SqliteBudgetStore(database, TimeProvider.System));
    }

    private static UsageRecord Row(long credits) => new()
    {
        Time = DateTimeOffset.UnixEpoch,
        Provider = "elevenlabs",
        VoiceId = "voice1",
        Characters = (int)credits,
        Credits = credits,
        EstimatedCredits = credits,
        RequestId = "req_1",
        CacheStatus = SpeechCacheStatus.Miss,
    };

    /// <summary>A ledger whose disk is full.</summary>
    private sealed class FailingLedger : IUsageLedger
    {
        public int Attempts { get; private set; }

        public Task<UsageRecord> AppendAsync(UsageRecord record, CancellationToken cancellationToken = default)
        {
            Attempts++;
            throw new IOException("database or disk is full");
        }

        public Task<IReadOnlyList<LedgerTotals>> SummarizeAsync(LedgerGrouping grouping, DateTimeOffset? since, CancellationToken cancellationToken = default)
            => throw new IOException("database or disk is full");
    }

    /// <summary>A budget store that cannot settle (its disk is full); everything else goes to the real one.</summary>
    private sealed class FailingBudgets(IBudgetStore inner) : IBudgetStore
    {
        public Task SetAsync(Budget budget, CancellationToken cancellationToken = default) => inner.SetAsync(budget, cancellationToken);

        public Task<bool> RemoveAsync(BudgetScope scope, string subject, BudgetPeriod period, CancellationToken cancellationToken = default) => inner.RemoveAsync(scope, subject, period, cancellationToken);

        public Task<IReadOnlyList<BudgetStatus>> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

        public Task<IReadOnlyList<BudgetStatus>> GetApplicableAsync(string? accountId, string? project, CancellationToken cancellationToken = default) => inner.GetApplicableAsync(accountId, project, cancellationToken);

        public Task<BudgetReservation> ReserveAsync(string? accountId, string? project, long credits, CancellationToken cancellationToken = default) => inner.ReserveAsync(accountId, project, credits, cancellationToken);

        public Task SettleAsync(BudgetReservation reservation, long credits, CancellationToken cancellationToken = default) => throw new IOException("database or disk is full");

        public Task ReleaseAsync(BudgetReservation reservation, CancellationToken cancellationToken = default) => inner.ReleaseAsync(reservation, cancellationToken);
    }
}
