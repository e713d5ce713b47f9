using SpeechGate.Core.Tests.Storage;
using SpeechGate.Metering;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Metering;

public partial class SqliteUsageLedgerTests
{
    // The ledger as first released, copied here on purpose: it must stay "old" even if SqliteUsageLedger.Schema changes.
    private const string ReleasedLedgerSchema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS ledger (
            id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, day TEXT NOT NULL,
            account TEXT, project TEXT, line_id TEXT, provider TEXT NOT NULL, voice TEXT NOT NULL, model TEXT,
            characters INTEGER NOT NULL, credits INTEGER NOT NULL, estimated INTEGER NOT NULL,
            request_id TEXT, cache_status TEXT NOT NULL, audio_key TEXT,
            regeneration INTEGER NOT NULL, rebuy INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ledger_line ON ledger (project, line_id);
        CREATE INDEX IF NOT EXISTS ledger_key ON ledger (audio_key);
        CREATE INDEX IF NOT EXISTS ledger_time ON ledger (time);
        """;

    // One paid row as the first release wrote it: 12 characters, 12 credits, project p, line l1, key old-key.
    private const string ReleasedLedgerRow = """
        INSERT INTO ledger (time, day, account, project, line_id, provider, voice, model, characters, credits, estimated,
                            request_id, cache_status, audio_key, regeneration, rebuy)
        VALUES ('2026-11-20T09:00:00.0000000Z', '2026-11-20', 'key1', 'p', 'l1', 'elevenlabs', 'v', 'eleven_flash_v2_5',
                12, 12, 12, 'req-old', 'miss', 'old-key', 0, 0);
        """;

    [Fact]
    public async Task OpenLedger_FreshFile_HasAnswersColumnAtLatestVersion()
    {
        using var file = new LedgerFile();

        await file.OpenLedger().SummarizeAsync(LedgerGrouping.None, since: null);

        Assert.Equal(SqliteUsageLedger.Migrations.Count, SqliteFile.UserVersion(file.Path));
        Assert.Contains("answers", SqliteFile.Columns(file.Path, "ledger"));
    }

    [Fact]
    public async Task OpenLedger_FileFromFirstRelease_KeepsOldRowAndAcceptsNewOnes()
    {
        using var file = new LedgerFile();
        SqliteFile.Execute(file.Path, ReleasedLedgerSchema + ReleasedLedgerRow);
        Assert.DoesNotContain("answers", SqliteFile.Columns(file.Path, "ledger"));
        var ledger = file.OpenLedger();

        var before = (await ledger.SummarizeAsync(LedgerGrouping.None, since: null))[0];
        var hit = await ledger.AppendAsync(Row("old-key", 0, SpeechCacheStatus.Hit) with { Answers = 2 });
        var retake = await ledger.AppendAsync(Row("new-key", 10));
        var after = await ledger.SummarizeAsync(LedgerGrouping.Key, since: null);

        Assert.Equal(new LedgerTotals(null, 1, 12, 12, 0, 0, 0), before);
        Assert.Equal(SqliteUsageLedger.Migrations.Count, SqliteFile.UserVersion(file.Path));
        Assert.Equal(1, SqliteFile.Scalar(file.Path, "SELECT answers FROM ledger WHERE request_id = 'req-old'"));
        Assert.Equal(2, hit.Answers);
        Assert.True(retake.Regeneration, "a new take of the old row's line is a regeneration");
        Assert.Equal((4L, 2L, 22L), (after[0].Requests, after[0].CacheHits, after[0].SpentCredits));
        Assert.Equal(12, after.Single(t => t.Group == "key1").SpentCredits);
    }

    [Fact]
    public async Task OpenLedger_SecondProcessOnMigratedFile_DoesNotMigrateAgain()
    {
        using var file = new LedgerFile();
        SqliteFile.Execute(file.Path, ReleasedLedgerSchema + ReleasedLedgerRow);
        await file.OpenLedger().AppendAsync(Row("k1", 0, SpeechCacheStatus.Hit) with { Answers = 3 });

        // Re-running "ADD COLUMN answers" would fail with "duplicate column name" and surface as an IOException.
        var reopened = file.OpenLedger();
        await reopened.AppendAsync(Row("k1", 0, SpeechCacheStatus.Hit));
        var totals = (await reopened.SummarizeAsync(LedgerGrouping.None, since: null))[0];

        Assert.Equal(SqliteUsageLedger.Migrations.Count, SqliteFile.UserVersion(file.Path));
        Assert.Equal((5L, 4L), (totals.Requests, totals.CacheHits));
    }

    [Fact]
    public async Task OpenLedger_FileFromNewerSpeechGate_ThrowsIOExceptionSayingSo()
    {
        using var file = new LedgerFile();
        var newer = SqliteUsageLedger.Migrations.Count + 1;
        SqliteFile.Execute(file.Path, ReleasedLedgerSchema + ReleasedLedgerRow + $"PRAGMA user_version = {newer};");
        var ledger = file.OpenLedger();

        var error = await Assert.ThrowsAsync<IOException>(() => ledger.SummarizeAsync(LedgerGrouping.None, since: null));

        Assert.Contains("written by a newer SpeechGate", error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains(file.Path, error.Message, StringComparison.Ordinal);
        Assert.Equal(newer, SqliteFile.UserVersion(file.Path));
        Assert.DoesNotContain("answers", SqliteFile.Columns(file.Path, "ledger"));
    }
}
