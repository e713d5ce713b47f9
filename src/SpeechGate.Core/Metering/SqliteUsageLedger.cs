using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using SpeechGate.Storage;

namespace SpeechGate.Metering;

/// <summary>The ledger in SQLite: one row per answered request (or per batch of identical free answers, see <see cref="UsageRecord.Answers"/>).</summary>
public sealed class SqliteUsageLedger(SqliteDatabase database) : IUsageLedger
{
    /// <summary>Tables this ledger needs; safe to run repeatedly.</summary>
    public const string Schema = """
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

    /// <summary>Changes to <see cref="Schema"/>'s tables since the first release, in order (see <see cref="SqliteDatabase"/>).</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        "ALTER TABLE ledger ADD COLUMN answers INTEGER NOT NULL DEFAULT 1",
    ];

    /// <inheritdoc/>
    public async Task<UsageRecord> AppendAsync(UsageRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var appended = await AppendManyAsync([record], cancellationToken).ConfigureAwait(false);
        return appended[0];
    }

    /// <summary>Appends <paramref name="records"/> in order in one transaction (a busy gateway's cache hits, batched).</summary>
    public async Task<IReadOnlyList<UsageRecord>> AppendManyAsync(IReadOnlyList<UsageRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var appended = new List<UsageRecord>(records.Count);

        // One prepared INSERT for the whole batch: re-parsing SQL per row dominated a busy gateway's hit path.
        await using var insert = InsertCommand(connection, transaction);
        foreach (var record in records)
        {
            appended.Add(await AppendAsync(connection, transaction, insert, record).ConfigureAwait(false));
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return appended;
    }

    private static SqliteCommand InsertCommand(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO ledger (time, day, account, project, line_id, provider, voice, model, characters, credits, estimated,
                                request_id, cache_status, audio_key, regeneration, rebuy, answers)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16)
            """;
        for (var i = 0; i < 17; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
        }

        return command;
    }

    private static async Task<UsageRecord> AppendAsync(SqliteConnection connection, SqliteTransaction transaction, SqliteCommand insert, UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Credits > 0 && record.AudioKey is not null)
        {
            var regeneration = record.LineId is not null && await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM ledger WHERE project IS @Project AND line_id = @LineId AND credits > 0 AND audio_key IS NOT @AudioKey",
                new { record.Project, record.LineId, record.AudioKey }, transaction).ConfigureAwait(false) > 0;
            var rebuy = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM ledger WHERE audio_key = @AudioKey AND credits > 0",
                new { record.AudioKey }, transaction).ConfigureAwait(false) > 0;
            record = record with { Regeneration = regeneration, Rebuy = rebuy };
        }

        var values = new object?[]
        {
            Timestamp(record.Time), record.Time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            record.AccountId, record.Project, record.LineId, record.Provider, record.VoiceId, record.ModelId, record.Characters,
            record.Credits, record.EstimatedCredits, record.RequestId, record.CacheStatus.ToString().ToLowerInvariant(),
            record.AudioKey, record.Regeneration, record.Rebuy, record.Answers,
        };
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        return record;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LedgerTotals>> SummarizeAsync(LedgerGrouping grouping, DateTimeOffset? since, CancellationToken cancellationToken = default)
    {
        var column = grouping switch
        {
            LedgerGrouping.Key => "account",
            LedgerGrouping.Project => "project",
            LedgerGrouping.Voice => "voice",
            LedgerGrouping.Model => "model",
            LedgerGrouping.Day => "day",
            _ => "NULL",
        };
        const string Totals = """
            COALESCE(SUM(answers), 0) AS Requests, COALESCE(SUM(characters * answers), 0) AS Characters,
            COALESCE(SUM(credits * answers), 0) AS SpentCredits,
            COALESCE(SUM(CASE WHEN cache_status IN ('hit', 'coalesced') THEN estimated * answers ELSE 0 END), 0) AS SavedCredits,
            COALESCE(SUM(CASE WHEN regeneration = 1 OR rebuy = 1 THEN credits * answers ELSE 0 END), 0) AS WastedCredits,
            COALESCE(SUM(CASE WHEN cache_status = 'hit' THEN answers ELSE 0 END), 0) AS CacheHits
            """;
        var filter = since is null ? "" : "WHERE time >= @since";
        var parameters = new { since = since is { } value ? Timestamp(value) : null };

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<TotalsRow>();
        result.AddRange(await connection.QueryAsync<TotalsRow>($"SELECT NULL AS \"Group\", {Totals} FROM ledger {filter}", parameters).ConfigureAwait(false));
        if (grouping != LedgerGrouping.None)
        {
            result.AddRange(await connection.QueryAsync<TotalsRow>(
                $"SELECT {column} AS \"Group\", {Totals} FROM ledger {filter} GROUP BY {column} ORDER BY SpentCredits DESC, \"Group\"", parameters).ConfigureAwait(false));
        }

        return result.ConvertAll(row => new LedgerTotals(row.Group, row.Requests, row.Characters, row.SpentCredits, row.SavedCredits, row.WastedCredits, row.CacheHits));
    }

    private static string Timestamp(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    // SQLite reports a NULL group as a blob column, so Dapper needs settable properties rather than the record's constructor.
    private sealed class TotalsRow
    {
        public string? Group { get; set; }

        public long Requests { get; set; }

        public long Characters { get; set; }

        public long SpentCredits { get; set; }

        public long SavedCredits { get; set; }

        public long WastedCredits { get; set; }

        public long CacheHits { get; set; }
    }
}
