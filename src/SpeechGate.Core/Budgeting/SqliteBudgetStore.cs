using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using SpeechGate.Metering;
using SpeechGate.Storage;

namespace SpeechGate.Budgeting;

/// <summary>Budgets in SQLite; reservations are taken inside one <c>BEGIN IMMEDIATE</c> transaction.</summary>
/// <remarks>
/// Every reservation carries a lease (owner process, expiry) until it is settled or released, so a crash never leaves
/// credits held: <see cref="RecoverAbandonedAsync"/> ends another process's reservations once it is gone.
/// </remarks>
public sealed class SqliteBudgetStore(SqliteDatabase database, TimeProvider time) : IBudgetStore
{
    /// <summary>How long a reservation of a process still running may stay open before another process ends it.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(15);

    /// <summary>Tables this store needs; safe to run repeatedly.</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS budgets (
            scope TEXT NOT NULL, subject TEXT NOT NULL, period TEXT NOT NULL,
            limit_credits INTEGER NOT NULL, mode TEXT NOT NULL,
            PRIMARY KEY (scope, subject, period));
        CREATE TABLE IF NOT EXISTS budget_charges (
            id INTEGER PRIMARY KEY AUTOINCREMENT, reservation TEXT NOT NULL,
            scope TEXT NOT NULL, subject TEXT NOT NULL, period TEXT NOT NULL, period_key TEXT NOT NULL,
            credits INTEGER NOT NULL, settled INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS budget_charges_bucket ON budget_charges (scope, subject, period, period_key);
        CREATE INDEX IF NOT EXISTS budget_charges_reservation ON budget_charges (reservation);
        CREATE TABLE IF NOT EXISTS reservation_leases (
            id TEXT PRIMARY KEY, owner TEXT NOT NULL, expires TEXT NOT NULL, credits INTEGER NOT NULL,
            sent INTEGER NOT NULL DEFAULT 0, pending TEXT);
        """;

    /// <inheritdoc/>
    public async Task SetAsync(Budget budget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budget);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "INSERT OR REPLACE INTO budgets (scope, subject, period, limit_credits, mode) VALUES (@Scope, @Subject, @Period, @LimitCredits, @Mode)",
            new { Scope = Text(budget.Scope), budget.Subject, Period = Text(budget.Period), budget.LimitCredits, Mode = Text(budget.Mode) }).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> RemoveAsync(BudgetScope scope, string subject, BudgetPeriod period, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(
            "DELETE FROM budgets WHERE scope = @scope AND subject = @subject AND period = @period",
            new { scope = Text(scope), subject, period = Text(period) }).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BudgetStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await StatusAsync(connection, null, "SELECT * FROM budgets ORDER BY scope, subject, period", null).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BudgetStatus>> GetApplicableAsync(string? accountId, string? project, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ApplicableAsync(connection, null, accountId, project).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<BudgetReservation> ReserveAsync(string? accountId, string? project, long credits, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // BEGIN IMMEDIATE takes the write lock before the balance is read, so check-then-insert is atomic across
        // connections and processes.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var statuses = await ApplicableAsync(connection, transaction, accountId, project).ConfigureAwait(false);
        var warnings = new List<string>();
        foreach (var status in statuses.Where(s => credits > s.RemainingCredits))
        {
            var message = $"Budget '{status.Budget.Name}' has {status.RemainingCredits} of {status.Budget.LimitCredits} credits left; this request needs {credits}.";
            if (status.Budget.Mode == BudgetMode.Hard)
            {
                throw new BudgetExceededException(status.Budget.Name, status.RemainingCredits, credits, message);
            }

            warnings.Add(message);
        }

        var reservation = new BudgetReservation(Guid.NewGuid().ToString("N"), credits, warnings);
        var now = time.GetUtcNow();
        foreach (var status in statuses)
        {
            var budget = status.Budget;
            await connection.ExecuteAsync(
                "INSERT INTO budget_charges (reservation, scope, subject, period, period_key, credits, created) VALUES (@id, @scope, @subject, @period, @key, @credits, @created)",
                new { id = reservation.Id, scope = Text(budget.Scope), subject = budget.Subject, period = Text(budget.Period), key = budget.PeriodKey(now), credits, created = now.ToString("O") },
                transaction).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(
            "INSERT INTO reservation_leases (id, owner, expires, credits) VALUES (@id, @owner, @expires, @credits)",
            new { id = reservation.Id, owner = ReservationOwner.Current, expires = (now + LeaseDuration).ToString("O"), credits },
            transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return reservation;
    }

    /// <inheritdoc/>
    public async Task MarkSentAsync(BudgetReservation reservation, UsageRecord pending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "UPDATE reservation_leases SET sent = 1, pending = @pending WHERE id = @id",
            new { id = reservation.Id, pending = JsonSerializer.Serialize(pending, SqliteReservationRecovery.Json) }).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteReservationRecovery.RunAsync(connection, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task SettleAsync(BudgetReservation reservation, long credits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "UPDATE budget_charges SET credits = @credits, settled = 1 WHERE reservation = @id; DELETE FROM reservation_leases WHERE id = @id",
            new { credits, id = reservation.Id }).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(BudgetReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "DELETE FROM budget_charges WHERE reservation = @id; DELETE FROM reservation_leases WHERE id = @id", new { id = reservation.Id }).ConfigureAwait(false);
    }

    private Task<IReadOnlyList<BudgetStatus>> ApplicableAsync(SqliteConnection connection, SqliteTransaction? transaction, string? accountId, string? project)
        => StatusAsync(connection, transaction,
            "SELECT * FROM budgets WHERE (scope = 'key' AND subject = @accountId) OR (scope = 'project' AND subject = @project)",
            new { accountId, project });

    private async Task<IReadOnlyList<BudgetStatus>> StatusAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, object? parameters)
    {
        var now = time.GetUtcNow();
        var rows = await connection.QueryAsync<BudgetRow>(sql, parameters, transaction).ConfigureAwait(false);
        var result = new List<BudgetStatus>();
        foreach (var row in rows)
        {
            var budget = row.ToBudget();
            var sums = await connection.QuerySingleAsync<(long Spent, long Reserved)>(
                "SELECT COALESCE(SUM(CASE WHEN settled = 1 THEN credits END), 0), COALESCE(SUM(CASE WHEN settled = 0 THEN credits END), 0) FROM budget_charges WHERE scope = @scope AND subject = @subject AND period = @period AND period_key = @key",
                new { scope = row.Scope, subject = row.Subject, period = row.Period, key = budget.PeriodKey(now) }, transaction).ConfigureAwait(false);
            result.Add(new BudgetStatus(budget, sums.Spent, sums.Reserved));
        }

        return result;
    }

    private static string Text<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private sealed record BudgetRow(string Scope, string Subject, string Period, long Limit_Credits, string Mode)
    {
        public Budget ToBudget() => new(
            Enum.Parse<BudgetScope>(Scope, ignoreCase: true), Subject, Enum.Parse<BudgetPeriod>(Period, ignoreCase: true),
            Limit_Credits, Enum.Parse<BudgetMode>(Mode, ignoreCase: true));
    }
}
