using SpeechGate.Metering;

namespace SpeechGate.Core.Tests.Metering;

/// <summary>Passes every call to a real ledger and keeps what it returned.</summary>
internal sealed class RecordingUsageLedger(IUsageLedger inner) : IUsageLedger
{
    public List<UsageRecord> Returned { get; } = [];

    public async Task<UsageRecord> AppendAsync(UsageRecord record, CancellationToken cancellationToken = default)
    {
        var written = await inner.AppendAsync(record, cancellationToken);
        lock (Returned)
        {
            Returned.Add(written);
        }

        return written;
    }

    public Task<IReadOnlyList<LedgerTotals>> SummarizeAsync(LedgerGrouping grouping, DateTimeOffset? since, CancellationToken cancellationToken = default)
        => inner.SummarizeAsync(grouping, since, cancellationToken);
}
