namespace SpeechGate.Budgeting;

/// <summary>Budgets and the credits reserved and spent against them.</summary>
/// <remarks>
/// Reservation is atomic across every budget that applies to a request, and across processes sharing the store:
/// two concurrent requests can never both take the last credits.
/// </remarks>
public interface IBudgetStore
{
    /// <summary>Creates or replaces a budget.</summary>
    Task SetAsync(Budget budget, CancellationToken cancellationToken = default);

    /// <summary>Removes a budget; returns false when none matched.</summary>
    Task<bool> RemoveAsync(BudgetScope scope, string subject, BudgetPeriod period, CancellationToken cancellationToken = default);

    /// <summary>Every budget with its current period's spending.</summary>
    Task<IReadOnlyList<BudgetStatus>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The budgets that apply to a key and a project, with their current spending.</summary>
    Task<IReadOnlyList<BudgetStatus>> GetApplicableAsync(string? accountId, string? project, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reserves <paramref name="credits"/> against every budget that applies; throws a 429 <c>budget_exceeded</c>
    /// <see cref="Synthesis.SpeechException"/> naming the budget when a hard one cannot afford it.
    /// </summary>
    Task<BudgetReservation> ReserveAsync(string? accountId, string? project, long credits, CancellationToken cancellationToken = default);

    /// <summary>Turns a reservation into a charge of <paramref name="credits"/> (what the provider actually billed).</summary>
    Task SettleAsync(BudgetReservation reservation, long credits, CancellationToken cancellationToken = default);

    /// <summary>Gives a reservation back (the call failed and cost nothing).</summary>
    Task ReleaseAsync(BudgetReservation reservation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the reserved call was sent upstream and may be billed from now on; <paramref name="pending"/> is the
    /// ledger row (at the estimate) a crash before settlement leaves behind as <c>unsettled</c>.
    /// </summary>
    Task MarkSentAsync(BudgetReservation reservation, Metering.UsageRecord pending, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    /// <summary>
    /// Ends reservations whose owning process is gone or whose lease expired: one never sent is released; one that may
    /// have been paid is charged and ledgered as <c>unsettled</c> at its estimate. Returns how many were ended.
    /// </summary>
    Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);
}
