using System.Text.Json;
using Npgsql;
using SpeechGate.Budgeting;
using SpeechGate.Metering;

namespace SpeechGate.Storage.Postgres;

/// <summary>Budgets in PostgreSQL, shared by every replica: a hard budget of 100 is 100 for the whole cluster.</summary>
/// <remarks>
/// <para>
/// Each budget's current period is one row (<c>budget_buckets</c>: spent, reserved). A reservation is one conditional
/// <c>UPDATE … SET reserved = reserved + cost WHERE spent + reserved + cost &lt;= limit</c> per hard budget, in one
/// transaction with a hold per bucket (<c>budget_reservations</c>) and a lease per reservation
/// (<c>reservation_leases</c>: owner process, expiry, sent, pending ledger row); row locks make concurrent replicas take
/// turns, so two can never both take the last credits. Settling moves reserved to spent in one transaction.
/// </para>
/// <para>
/// The contract of <see cref="SqliteBudgetStore"/>: a reservation whose lease passed (any replica ends it when it next
/// reserves or lists) or whose process on this host is gone (<see cref="RecoverAbandonedAsync"/>, at start) is ended:
/// one never sent is released; one marked sent (<see cref="MarkSentAsync"/>) is charged at its estimate and ledgered as
/// <c>unsettled</c> in the same transaction. A late settle or release by the owner still corrects the budget.
/// </para>
/// </remarks>
public sealed class PostgresBudgetStore(PostgresDatabase database, TimeProvider time, TimeSpan? reservationLease = null) : IBudgetStore
{
    private readonly TimeSpan _lease = reservationLease ?? SqliteBudgetStore.LeaseDuration;

    /// <inheritdoc/>
    public async Task SetAsync(Budget budget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budget);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            INSERT INTO budgets (scope, subject, period, limit_credits, mode) VALUES (@scope, @subject, @period, @limit, @mode)
            ON CONFLICT (scope, subject, period) DO UPDATE SET limit_credits = excluded.limit_credits, mode = excluded.mode
            """, connection);
        command.Parameters.AddWithValue("scope", Text(budget.Scope));
        command.Parameters.AddWithValue("subject", budget.Subject);
        command.Parameters.AddWithValue("period", Text(budget.Period));
        command.Parameters.AddWithValue("limit", budget.LimitCredits);
        command.Parameters.AddWithValue("mode", Text(budget.Mode));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> RemoveAsync(BudgetScope scope, string subject, BudgetPeriod period, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("DELETE FROM budgets WHERE scope = @scope AND subject = @subject AND period = @period", connection);
        command.Parameters.AddWithValue("scope", Text(scope));
        command.Parameters.AddWithValue("subject", subject);
        command.Parameters.AddWithValue("period", Text(period));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BudgetStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ReleaseExpiredAsync(connection, cancellationToken).ConfigureAwait(false);
        return await StatusAsync(connection, null, "SELECT scope, subject, period, limit_credits, mode FROM budgets ORDER BY scope, subject, period", null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BudgetStatus>> GetApplicableAsync(string? accountId, string? project, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ApplicableAsync(connection, null, accountId, project, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every reservation whose lease has passed, whichever replica owned it; returns how many were ended.</summary>
    public async Task<int> ReleaseExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReleaseExpiredAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var candidates = new List<string>();
        await using (var read = new NpgsqlCommand("SELECT id, owner, lease_until FROM reservation_leases WHERE owner <> @me OR lease_until < @now", connection))
        {
            read.Parameters.AddWithValue("me", ReservationOwner.Current);
            read.Parameters.AddWithValue("now", now);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.GetFieldValue<DateTimeOffset>(2) < now || !ReservationOwner.IsAlive(reader.GetString(1)))
                {
                    candidates.Add(reader.GetString(0));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var take = new NpgsqlCommand("DELETE FROM reservation_leases WHERE id = ANY(@ids) RETURNING id, credits, sent, pending", connection, transaction);
        take.Parameters.AddWithValue("ids", candidates.ToArray());
        var ended = await EndAsync(connection, transaction, take, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ended;
    }

    /// <inheritdoc/>
    public async Task MarkSentAsync(BudgetReservation reservation, UsageRecord pending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("UPDATE reservation_leases SET sent = true, pending = @pending WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", reservation.Id);
        command.Parameters.AddWithValue("pending", JsonSerializer.Serialize(pending, SqliteReservationRecovery.Json));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<BudgetReservation> ReserveAsync(string? accountId, string? project, long credits, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ReleaseExpiredAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var budgets = await ApplicableBudgetsAsync(connection, transaction, accountId, project, cancellationToken).ConfigureAwait(false);

        // Always in key order, so two replicas reserving against the same pair of budgets cannot deadlock.
        var warnings = new List<string>();
        var reservation = new BudgetReservation(Guid.NewGuid().ToString("N"), credits, warnings);
        foreach (var budget in budgets.OrderBy(b => b.Scope).ThenBy(b => b.Subject, StringComparer.Ordinal).ThenBy(b => b.Period))
        {
            var bucket = Bucket(budget, now);
            await using (var ensure = new NpgsqlCommand(
                "INSERT INTO budget_buckets (scope, subject, period, period_key) VALUES (@scope, @subject, @period, @key) ON CONFLICT DO NOTHING", connection, transaction))
            {
                AddBucket(ensure, bucket);
                await ensure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // The one conditional update: under the row lock, so a concurrent replica re-checks against our reservation.
            await using (var take = new NpgsqlCommand($"""
                UPDATE budget_buckets SET reserved = reserved + @credits
                WHERE scope = @scope AND subject = @subject AND period = @period AND period_key = @key
                  {(budget.Mode == BudgetMode.Hard ? "AND spent + reserved + @credits <= @limit" : "")}
                RETURNING spent + reserved - @credits
                """, connection, transaction))
            {
                AddBucket(take, bucket);
                take.Parameters.AddWithValue("credits", credits);
                take.Parameters.AddWithValue("limit", budget.LimitCredits);
                var before = await take.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                if (before is null)
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    var status = (await ApplicableAsync(connection, null, accountId, project, cancellationToken).ConfigureAwait(false))
                        .FirstOrDefault(s => s.Budget == budget) ?? new BudgetStatus(budget, budget.LimitCredits, 0);
                    throw new BudgetExceededException(status.Budget.Name, status.RemainingCredits, credits, Message(status, credits));
                }

                var used = (long)before;
                if (used + credits > budget.LimitCredits)
                {
                    warnings.Add(Message(new BudgetStatus(budget, used, 0), credits));
                }
            }

            await using var hold = new NpgsqlCommand("""
                INSERT INTO budget_reservations (id, scope, subject, period, period_key, credits)
                VALUES (@id, @scope, @subject, @period, @key, @credits)
                """, connection, transaction);
            AddBucket(hold, bucket);
            hold.Parameters.AddWithValue("id", reservation.Id);
            hold.Parameters.AddWithValue("credits", credits);
            await hold.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Every reservation is leased, budgets or not, so a crash after sending still leaves an unsettled ledger row.
        await using (var lease = new NpgsqlCommand(
            "INSERT INTO reservation_leases (id, owner, lease_until, credits) VALUES (@id, @owner, @lease, @credits)", connection, transaction))
        {
            lease.Parameters.AddWithValue("id", reservation.Id);
            lease.Parameters.AddWithValue("owner", ReservationOwner.Current);
            lease.Parameters.AddWithValue("lease", now + _lease);
            lease.Parameters.AddWithValue("credits", credits);
            await lease.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return reservation;
    }

    /// <inheritdoc/>
    public async Task SettleAsync(BudgetReservation reservation, long credits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);

        // Reserved becomes spent in one transaction; a reservation another replica already ended (its lease passed) still
        // becomes spent, less what that replica charged at the estimate.
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            DELETE FROM reservation_leases WHERE id = @id;
            WITH settled AS (
                DELETE FROM budget_reservations WHERE id = @id
                RETURNING scope, subject, period, period_key, CASE WHEN released THEN 0 ELSE credits END AS held, charged)
            UPDATE budget_buckets b SET reserved = b.reserved - s.held, spent = b.spent + @credits - s.charged
            FROM settled s
            WHERE b.scope = s.scope AND b.subject = s.subject AND b.period = s.period AND b.period_key = s.period_key
            """, connection, transaction);
        command.Parameters.AddWithValue("id", reservation.Id);
        command.Parameters.AddWithValue("credits", credits);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(BudgetReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            DELETE FROM reservation_leases WHERE id = @id;
            WITH released AS (
                DELETE FROM budget_reservations WHERE id = @id
                RETURNING scope, subject, period, period_key, CASE WHEN released THEN 0 ELSE credits END AS held, charged)
            UPDATE budget_buckets b SET reserved = b.reserved - r.held, spent = b.spent - r.charged
            FROM released r
            WHERE b.scope = r.scope AND b.subject = r.subject AND b.period = r.period AND b.period_key = r.period_key
            """, connection, transaction);
        command.Parameters.AddWithValue("id", reservation.Id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Message(BudgetStatus status, long credits)
        => $"Budget '{status.Budget.Name}' has {status.RemainingCredits} of {status.Budget.LimitCredits} credits left; this request needs {credits}.";

    private async Task<int> ReleaseExpiredAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var take = new NpgsqlCommand("DELETE FROM reservation_leases WHERE lease_until < @now RETURNING id, credits, sent, pending", connection, transaction);
            take.Parameters.AddWithValue("now", now);
            var ended = await EndAsync(connection, transaction, take, now, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return ended;
        }
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
        {
            // Another replica ending expired leases over the same buckets won; what is left, the next sweep ends.
            return 0;
        }
    }

    // Ends the leases `take` deletes (the delete is the claim: of two replicas ending one lease, one gets the row):
    // never-sent ones give their holds back; sent ones are charged at the estimate and ledgered as unsettled.
    private static async Task<int> EndAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlCommand take, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ended = new List<(string Id, long Credits, bool Sent, string? Pending)>();
        await using (var reader = await take.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ended.Add((reader.GetString(0), reader.GetInt64(1), reader.GetBoolean(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        if (ended.Count == 0)
        {
            return 0;
        }

        foreach (var sent in new[] { false, true })
        {
            var ids = ended.Where(l => l.Sent == sent).Select(l => l.Id).ToArray();
            if (ids.Length == 0)
            {
                continue;
            }

            await using var holds = new NpgsqlCommand($"""
                WITH ended AS (
                    UPDATE budget_reservations SET released = true{(sent ? ", charged = credits" : "")}
                    WHERE id = ANY(@ids) AND NOT released
                    RETURNING scope, subject, period, period_key, credits)
                UPDATE budget_buckets b SET reserved = b.reserved - e.total{(sent ? ", spent = b.spent + e.total" : "")}
                FROM (SELECT scope, subject, period, period_key, SUM(credits) AS total FROM ended GROUP BY 1, 2, 3, 4) e
                WHERE b.scope = e.scope AND b.subject = e.subject AND b.period = e.period AND b.period_key = e.period_key
                """, connection, transaction);
            holds.Parameters.AddWithValue("ids", ids);
            await holds.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var lease in ended.Where(l => l.Sent))
        {
            var row = lease.Pending is null ? null : JsonSerializer.Deserialize<UsageRecord>(lease.Pending, SqliteReservationRecovery.Json);
            var at = row?.Time ?? now;
            await using var ledger = new NpgsqlCommand("""
                INSERT INTO ledger (time, day, account, project, line_id, provider, voice, model, characters, credits, estimated,
                                    request_id, cache_status, audio_key, regeneration, rebuy, answers)
                VALUES (@time, @day, @account, @project, @line, @provider, @voice, @model, @characters, @credits, @credits,
                        NULL, 'unsettled', @key, false, false, 1)
                """, connection, transaction);
            ledger.Parameters.AddWithValue("time", at.ToUniversalTime());
            ledger.Parameters.AddWithValue("day", at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            ledger.Parameters.AddWithValue("account", NpgsqlTypes.NpgsqlDbType.Text, (object?)row?.AccountId ?? DBNull.Value);
            ledger.Parameters.AddWithValue("project", NpgsqlTypes.NpgsqlDbType.Text, (object?)row?.Project ?? DBNull.Value);
            ledger.Parameters.AddWithValue("line", NpgsqlTypes.NpgsqlDbType.Text, (object?)row?.LineId ?? DBNull.Value);
            ledger.Parameters.AddWithValue("provider", row?.Provider ?? "unknown");
            ledger.Parameters.AddWithValue("voice", row?.VoiceId ?? "unknown");
            ledger.Parameters.AddWithValue("model", NpgsqlTypes.NpgsqlDbType.Text, (object?)row?.ModelId ?? DBNull.Value);
            ledger.Parameters.AddWithValue("characters", row?.Characters ?? 0);
            ledger.Parameters.AddWithValue("credits", lease.Credits);
            ledger.Parameters.AddWithValue("key", NpgsqlTypes.NpgsqlDbType.Text, (object?)row?.AudioKey ?? DBNull.Value);
            await ledger.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return ended.Count;
    }

    private async Task<IReadOnlyList<BudgetStatus>> ApplicableAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string? accountId, string? project, CancellationToken cancellationToken)
        => await StatusAsync(connection, transaction,
            "SELECT scope, subject, period, limit_credits, mode FROM budgets WHERE (scope = 'key' AND subject = @account) OR (scope = 'project' AND subject = @project)",
            accountId, project, cancellationToken).ConfigureAwait(false);

    private static async Task<List<Budget>> ApplicableBudgetsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string? accountId, string? project, CancellationToken cancellationToken)
        => await ReadBudgetsAsync(connection, transaction,
            "SELECT scope, subject, period, limit_credits, mode FROM budgets WHERE (scope = 'key' AND subject = @account) OR (scope = 'project' AND subject = @project)",
            accountId, project, cancellationToken).ConfigureAwait(false);

    private static async Task<List<Budget>> ReadBudgetsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, string? accountId, string? project, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("account", (object?)accountId ?? DBNull.Value);
        command.Parameters.AddWithValue("project", (object?)project ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var budgets = new List<Budget>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            budgets.Add(new Budget(
                Enum.Parse<BudgetScope>(reader.GetString(0), ignoreCase: true), reader.GetString(1),
                Enum.Parse<BudgetPeriod>(reader.GetString(2), ignoreCase: true), reader.GetInt64(3),
                Enum.Parse<BudgetMode>(reader.GetString(4), ignoreCase: true)));
        }

        return budgets;
    }

    private async Task<IReadOnlyList<BudgetStatus>> StatusAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, string? accountId, string? project, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var budgets = await ReadBudgetsAsync(connection, transaction, sql, accountId, project, cancellationToken).ConfigureAwait(false);
        var result = new List<BudgetStatus>(budgets.Count);
        foreach (var budget in budgets)
        {
            await using var command = new NpgsqlCommand(
                "SELECT spent, reserved FROM budget_buckets WHERE scope = @scope AND subject = @subject AND period = @period AND period_key = @key", connection, transaction);
            AddBucket(command, Bucket(budget, now));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            result.Add(await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new BudgetStatus(budget, reader.GetInt64(0), reader.GetInt64(1))
                : new BudgetStatus(budget, 0, 0));
        }

        return result;
    }

    private static (string Scope, string Subject, string Period, string Key) Bucket(Budget budget, DateTimeOffset now)
        => (Text(budget.Scope), budget.Subject, Text(budget.Period), budget.PeriodKey(now));

    private static void AddBucket(NpgsqlCommand command, (string Scope, string Subject, string Period, string Key) bucket)
    {
        command.Parameters.AddWithValue("scope", bucket.Scope);
        command.Parameters.AddWithValue("subject", bucket.Subject);
        command.Parameters.AddWithValue("period", bucket.Period);
        command.Parameters.AddWithValue("key", bucket.Key);
    }

    private static string Text<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
