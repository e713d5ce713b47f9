using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.Data.Sqlite;
using SpeechGate.Metering;

namespace SpeechGate.Budgeting;

/// <summary>Ends reservations their process abandoned (crash, kill): releases calls never sent, charges and ledgers the others.</summary>
/// <remarks>
/// A call that was sent may have been billed upstream with its answer lost in the crash, so it is charged against its
/// budgets at the estimate and written to the ledger (same file, same transaction) as <c>unsettled</c>: totals may
/// over-count such a call, never under-count it. <c>speechgate ledger reconcile</c> can compare them with History.
/// </remarks>
internal static class SqliteReservationRecovery
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<int> RunAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leases = (await connection.QueryAsync<Lease>(
            "SELECT id AS Id, owner AS Owner, expires AS Expires, credits AS Credits, sent AS Sent, pending AS Pending FROM reservation_leases WHERE owner <> @me",
            new { me = ReservationOwner.Current }).ConfigureAwait(false)).ToList();
        var abandoned = leases.Where(l => !ReservationOwner.IsAlive(l.Owner) || DateTimeOffset.Parse(l.Expires, CultureInfo.InvariantCulture) <= now).ToList();
        if (abandoned.Count == 0)
        {
            return 0;
        }

        await using var transaction = connection.BeginTransaction(deferred: false);
        var ended = 0;
        foreach (var lease in abandoned)
        {
            // Re-read under the write lock: the owner may have settled it meanwhile, or another process recovered it.
            if (await connection.ExecuteAsync("DELETE FROM reservation_leases WHERE id = @Id", new { lease.Id }, transaction).ConfigureAwait(false) == 0)
            {
                continue;
            }

            ended++;
            if (lease.Sent == 0)
            {
                await connection.ExecuteAsync("DELETE FROM budget_charges WHERE reservation = @Id", new { lease.Id }, transaction).ConfigureAwait(false);
                continue;
            }

            await connection.ExecuteAsync("UPDATE budget_charges SET settled = 1 WHERE reservation = @Id", new { lease.Id }, transaction).ConfigureAwait(false);
            await LedgerUnsettledAsync(connection, transaction, lease, now).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ended;
    }

    private static Task<int> LedgerUnsettledAsync(SqliteConnection connection, SqliteTransaction transaction, Lease lease, DateTimeOffset now)
    {
        var row = lease.Pending is null ? null : JsonSerializer.Deserialize<UsageRecord>(lease.Pending, Json);
        var time = row?.Time ?? now;
        return connection.ExecuteAsync(
            """
            INSERT INTO ledger (time, day, account, project, line_id, provider, voice, model, characters, credits, estimated,
                                request_id, cache_status, audio_key, regeneration, rebuy, answers)
            VALUES (@time, @day, @account, @project, @line, @provider, @voice, @model, @characters, @credits, @credits,
                    NULL, 'unsettled', @key, 0, 0, 1)
            """,
            new
            {
                time = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                day = time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                account = row?.AccountId,
                project = row?.Project,
                line = row?.LineId,
                provider = row?.Provider ?? "unknown",
                voice = row?.VoiceId ?? "unknown",
                model = row?.ModelId,
                characters = row?.Characters ?? 0,
                credits = lease.Credits,
                key = row?.AudioKey,
            },
            transaction);
    }

    private sealed class Lease
    {
        public string Id { get; set; } = "";

        public string Owner { get; set; } = "";

        public string Expires { get; set; } = "";

        public long Credits { get; set; }

        public long Sent { get; set; }

        public string? Pending { get; set; }
    }
}
