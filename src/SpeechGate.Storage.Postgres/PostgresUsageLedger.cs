using System.Globalization;
using Npgsql;
using SpeechGate.Metering;

namespace SpeechGate.Storage.Postgres;

/// <summary>The ledger in PostgreSQL: append-only, one table for every replica, so totals are the cluster's.</summary>
/// <remarks>
/// A paid row is appended in its own transaction before the answer goes out; a gateway's free rows (cache hits) reach
/// <see cref="AppendManyAsync"/> in batches from its write-behind queue, one transaction and one round trip per batch.
/// </remarks>
public sealed class PostgresUsageLedger(PostgresDatabase database) : IUsageLedger
{
    private const string Insert = """
        INSERT INTO ledger (time, day, account, project, line_id, provider, voice, model, characters, credits, estimated,
                            request_id, cache_status, audio_key, regeneration, rebuy, answers)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
        """;

    /// <inheritdoc/>
    public async Task<UsageRecord> AppendAsync(UsageRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (await AppendManyAsync([record], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>Appends <paramref name="records"/> in order in one transaction.</summary>
    public async Task<IReadOnlyList<UsageRecord>> AppendManyAsync(IReadOnlyList<UsageRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var appended = new List<UsageRecord>(records.Count);
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var record in records)
        {
            // A paid row's flags look at earlier rows, so rows queued before it are written first.
            if (record.Credits > 0 && batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await batch.DisposeAsync().ConfigureAwait(false);
                batch = new NpgsqlBatch(connection, transaction);
            }

            var flagged = await FlagAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
            appended.Add(flagged);
            var command = new NpgsqlBatchCommand(Insert);
            foreach (var value in Values(flagged))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            batch.BatchCommands.Add(command);
        }

        await using (batch.ConfigureAwait(false))
        {
            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return appended;
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
            _ => "NULL::text",
        };
        const string Totals = """
            COALESCE(SUM(answers), 0)::bigint, COALESCE(SUM(characters::bigint * answers), 0)::bigint,
            COALESCE(SUM(credits * answers), 0)::bigint,
            COALESCE(SUM(CASE WHEN cache_status IN ('hit', 'coalesced') THEN estimated * answers ELSE 0 END), 0)::bigint,
            COALESCE(SUM(CASE WHEN regeneration OR rebuy THEN credits * answers ELSE 0 END), 0)::bigint,
            COALESCE(SUM(CASE WHEN cache_status = 'hit' THEN answers ELSE 0 END), 0)::bigint
            """;
        var filter = since is null ? "" : "WHERE time >= @since";
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<LedgerTotals>();
        await ReadAsync($"SELECT NULL::text, {Totals} FROM ledger {filter}").ConfigureAwait(false);
        if (grouping != LedgerGrouping.None)
        {
            await ReadAsync($"SELECT {column}, {Totals} FROM ledger {filter} GROUP BY {column} ORDER BY 4 DESC, 1").ConfigureAwait(false);
        }

        return result;

        async Task ReadAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            if (since is { } value)
            {
                command.Parameters.AddWithValue("since", value.ToUniversalTime());
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Add(new LedgerTotals(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2),
                    reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
            }
        }
    }

    // Regeneration: a new take of a script line that already had other paid audio. Re-buy: paid again for identical audio.
    private static async Task<UsageRecord> FlagAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, UsageRecord record, CancellationToken cancellationToken)
    {
        if (record.Credits <= 0 || record.AudioKey is null)
        {
            return record;
        }

        await using var command = new NpgsqlCommand("""
            SELECT
              @line IS NOT NULL AND EXISTS (SELECT 1 FROM ledger WHERE project IS NOT DISTINCT FROM @project AND line_id = @line AND credits > 0 AND audio_key IS DISTINCT FROM @key),
              EXISTS (SELECT 1 FROM ledger WHERE audio_key = @key AND credits > 0)
            """, connection, transaction);
        command.Parameters.AddWithValue("line", NpgsqlTypes.NpgsqlDbType.Text, (object?)record.LineId ?? DBNull.Value);
        command.Parameters.AddWithValue("project", NpgsqlTypes.NpgsqlDbType.Text, (object?)record.Project ?? DBNull.Value);
        command.Parameters.AddWithValue("key", NpgsqlTypes.NpgsqlDbType.Text, record.AudioKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return record with { Regeneration = reader.GetBoolean(0), Rebuy = reader.GetBoolean(1) };
    }

    private static object?[] Values(UsageRecord record) =>
    [
        record.Time.ToUniversalTime(), record.Time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        record.AccountId, record.Project, record.LineId, record.Provider, record.VoiceId, record.ModelId, record.Characters,
        record.Credits, record.EstimatedCredits, record.RequestId, record.CacheStatus.ToString().ToLowerInvariant(),
        record.AudioKey, record.Regeneration, record.Rebuy, record.Answers,
    ];
}
