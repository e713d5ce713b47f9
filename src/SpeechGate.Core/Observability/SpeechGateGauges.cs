using System.Diagnostics.Metrics;
using SpeechGate.Budgeting;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Observability;

/// <summary>
/// The latest budgets, quota and voice health, for the observable gauges of <see cref="SpeechGateMetrics"/>: a gauge's
/// callback cannot wait for a database, so whoever reads those (the <c>/metrics</c> route before a scrape, the
/// dashboard) publishes them here. Thread-safe: each update swaps in a new snapshot.
/// </summary>
public sealed class SpeechGateGauges
{
    private volatile IReadOnlyList<BudgetStatus> _budgets = [];
    private volatile QuotaReading? _quota;
    private volatile VoiceHealthReport? _voices;

    /// <summary>Publishes the budgets with their current spending.</summary>
    public void Update(IReadOnlyList<BudgetStatus> budgets) => _budgets = budgets ?? [];

    /// <summary>Publishes the provider account's quota.</summary>
    public void Update(string provider, QuotaSnapshot? quota) => _quota = quota is null ? null : new QuotaReading(provider, quota);

    /// <summary>Publishes the latest voice health report.</summary>
    public void Update(VoiceHealthReport? voices) => _voices = voices;

    internal IEnumerable<Measurement<long>> BudgetRemaining()
        => _budgets.Select(b => new Measurement<long>(b.RemainingCredits, Tag("budget", b.Budget.Name), Tag("mode", b.Budget.Mode.ToString().ToLowerInvariant())));

    internal IEnumerable<Measurement<long>> BudgetLimit()
        => _budgets.Select(b => new Measurement<long>(b.Budget.LimitCredits, Tag("budget", b.Budget.Name), Tag("mode", b.Budget.Mode.ToString().ToLowerInvariant())));

    internal IEnumerable<Measurement<long>> QuotaRemaining()
        => _quota is { } quota ? [new Measurement<long>(quota.Snapshot.Remaining, Tag("provider", quota.Provider))] : [];

    internal IEnumerable<Measurement<long>> QuotaLimit()
        => _quota is { } quota ? [new Measurement<long>(quota.Snapshot.Limit, Tag("provider", quota.Provider))] : [];

    internal IEnumerable<Measurement<int>> VoiceHealth()
        => _voices is { } report
            ? report.Voices.Select(v => new Measurement<int>(IsHealthy(v) ? 1 : 0, Tag("voice", v.Name), Tag("status", v.Status)))
            : [];

    /// <summary>Usable: no problem for a load-bearing voice, and not gone or unshared even when nothing depends on it yet.</summary>
    public static bool IsHealthy(VoiceHealthEntry voice)
    {
        ArgumentNullException.ThrowIfNull(voice);
        return voice.Problem is null && !VoiceHealthStatus.IsBroken(voice.Status);
    }

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    private sealed record QuotaReading(string Provider, QuotaSnapshot Snapshot);
}
