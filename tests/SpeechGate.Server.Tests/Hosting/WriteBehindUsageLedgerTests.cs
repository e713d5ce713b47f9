using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SpeechGate.Metering;
using SpeechGate.Server.Hosting;
using SpeechGate.Storage;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Tests.Hosting;

public sealed class WriteBehindUsageLedgerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("speechgate-write-behind-").FullName;

    private string DatabasePath => Path.Combine(_directory, "speechgate.db");

    [Fact]
    public async Task ConcurrentHits_AreAllCounted_InFoldedRows()
    {
        await using var ledger = Open();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++)
            {
                await ledger.AppendAsync(Hit(project: $"p{worker % 2}"));
            }
        })));
        var byProject = await ledger.SummarizeAsync(LedgerGrouping.Project, since: null);

        Assert.Equal(2000, byProject[0].Requests);
        Assert.Equal(2000, byProject[0].CacheHits);
        Assert.Equal([1000L, 1000L], byProject.Skip(1).Select(group => group.Requests));
        Assert.True(RowCount() < 2000, $"{RowCount()} rows for 2000 identical-but-for-time hits: nothing was folded");
    }

    [Fact]
    public async Task PaidRow_IsWrittenBeforeAppendReturns()
    {
        await using var ledger = Open();

        await ledger.AppendAsync(Hit(project: "paid") with { Credits = 40, CacheStatus = SpeechCacheStatus.Miss });

        Assert.Equal(1, RowCount());
    }

    [Fact]
    public async Task Dispose_WritesWhatIsStillQueued_AndLaterAppendsGoStraightToSqlite()
    {
        var ledger = Open();
        for (var i = 0; i < 10; i++)
        {
            await ledger.AppendAsync(Hit(project: "queued"));
        }

        await ledger.DisposeAsync();
        await ledger.AppendAsync(Hit(project: "late"));
        await ledger.FlushAsync(); // returns at once once disposed

        var totals = await new SqliteUsageLedger(Database()).SummarizeAsync(LedgerGrouping.Project, since: null);
        Assert.Equal(10, Assert.Single(totals, group => group.Group == "queued").Requests);
        Assert.Equal(1, Assert.Single(totals, group => group.Group == "late").Requests);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private WriteBehindUsageLedger Open() => new(new SqliteUsageLedger(Database()), NullLogger<WriteBehindUsageLedger>.Instance);

    private SqliteDatabase Database() => new(DatabasePath, SqliteUsageLedger.Schema, SqliteUsageLedger.Migrations);

    private long RowCount()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ledger";
        return (long)command.ExecuteScalar()!;
    }

    private static UsageRecord Hit(string project) => new()
    {
        Time = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero),
        AccountId = "key-1",
        Project = project,
        Provider = "elevenlabs",
        VoiceId = "21m00Tcm4TlvDq8ikWAM",
        Characters = 12,
        EstimatedCredits = 6,
        CacheStatus = SpeechCacheStatus.Hit,
        AudioKey = new string('a', 64),
    };
}
