namespace SpeechGate.Metering;

/// <summary>An append-only record of every answered request and every upstream charge.</summary>
public interface IUsageLedger
{
    /// <summary>Appends a row, marking it a regeneration or re-buy when earlier rows say so.</summary>
    Task<UsageRecord> AppendAsync(UsageRecord record, CancellationToken cancellationToken = default);

    /// <summary>Totals since <paramref name="since"/>, grouped; the grand total comes first.</summary>
    Task<IReadOnlyList<LedgerTotals>> SummarizeAsync(LedgerGrouping grouping, DateTimeOffset? since, CancellationToken cancellationToken = default);
}
