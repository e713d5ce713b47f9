namespace SpeechGate.Budgeting;

/// <summary>What a batch of requests would cost before any of it is spent.</summary>
/// <param name="Requests">Requests priced.</param>
/// <param name="Characters">Billable characters in all of them.</param>
/// <param name="Credits">Credits if nothing were cached.</param>
/// <param name="Minutes">Approximate minutes of audio (1,000 characters ≈ 1 minute).</param>
/// <param name="CachedRequests">Requests already in the cache (free).</param>
/// <param name="CachedCredits">Credits those cached requests would have cost.</param>
/// <param name="Budgets">Each applicable budget: what is left now and after this spend.</param>
/// <param name="Quota">The upstream quota now and after, when known.</param>
public sealed record SpendEstimate(
    int Requests, long Characters, long Credits, double Minutes, int CachedRequests, long CachedCredits,
    IReadOnlyList<BudgetAfter> Budgets, QuotaAfter? Quota)
{
    /// <summary>Credits this batch would actually spend.</summary>
    public long CreditsToSpend => Credits - CachedCredits;
}

/// <summary>A budget's remaining credits now and after the estimated spend (negative: it would be refused).</summary>
public sealed record BudgetAfter(string Name, string Mode, long LimitCredits, long RemainingCredits, long RemainingAfter);

/// <summary>The upstream quota's remaining credits now and after the estimated spend.</summary>
public sealed record QuotaAfter(long LimitCredits, long RemainingCredits, long RemainingAfter);
