using SpeechGate.Synthesis;

namespace SpeechGate.Budgeting;

/// <summary>Prices a batch of requests exactly, with what the cache already holds and what each budget would have left.</summary>
/// <remarks>
/// Each request is priced and probed as the pipeline will send it (<paramref name="resolver"/>: alias, pinned id and its
/// model, provider, tenant), so a line the pipeline would answer from the cache is counted as cached.
/// </remarks>
public sealed class SpendEstimator(
    CreditEstimator credits, IBudgetStore budgets, ICacheProbe? cache = null, UpstreamQuota? quota = null, SpeechRequestResolver? resolver = null)
{
    /// <summary>Estimates <paramref name="requests"/> as if sent by <paramref name="accountId"/> for <paramref name="project"/>.</summary>
    public async Task<SpendEstimate> EstimateAsync(IReadOnlyList<SpeechRequest> requests, string? accountId, string? project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        await credits.RefreshRatesAsync(cancellationToken).ConfigureAwait(false);
        long characters = 0, total = 0, cachedCredits = 0;
        var cached = 0;
        foreach (var asSent in requests)
        {
            var request = resolver?.Resolve(asSent) ?? asSent;
            var price = credits.EstimateCredits(request);
            characters += CreditEstimator.CountCharacters(request.Text);
            total += price;
            if (cache is not null && await cache.ContainsAsync(request, cancellationToken).ConfigureAwait(false))
            {
                cached++;
                cachedCredits += price;
            }
        }

        var spend = total - cachedCredits;
        var applicable = await budgets.GetApplicableAsync(accountId, project, cancellationToken).ConfigureAwait(false);
        var after = applicable.Select(status => new BudgetAfter(
            status.Budget.Name, status.Budget.Mode.ToString().ToLowerInvariant(), status.Budget.LimitCredits,
            status.RemainingCredits, status.RemainingCredits - spend)).ToList();
        var snapshot = quota is null ? null : await quota.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var quotaAfter = snapshot is null ? null : new QuotaAfter(snapshot.Limit, snapshot.Remaining, snapshot.Remaining - spend);
        return new SpendEstimate(requests.Count, characters, total, CreditEstimator.EstimateMinutes((int)characters), cached, cachedCredits, after, quotaAfter);
    }
}
