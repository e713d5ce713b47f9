using SpeechGate.Budgeting;
using SpeechGate.Observability;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.Observability;

/// <summary>Reads budgets, the provider quota and voice health, and publishes them to the gauges (before a scrape, for the dashboard).</summary>
internal sealed class ObservedState(IServiceProvider services, SpeechGateGauges gauges)
{
    public async Task<IReadOnlyList<BudgetStatus>> RefreshBudgetsAsync(CancellationToken cancellationToken)
    {
        var budgets = await services.GetRequiredService<IBudgetStore>().ListAsync(cancellationToken);
        gauges.Update(budgets);
        return budgets;
    }

    public async Task<QuotaSnapshot?> RefreshQuotaAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<UpstreamQuota>() is not { } quota)
        {
            return null;
        }

        var snapshot = await quota.GetCurrentAsync(cancellationToken);
        gauges.Update(ElevenLabsServiceCollectionExtensions.ProviderName, snapshot);
        return snapshot;
    }

    /// <summary>The latest voice health report, checked afresh when older than <paramref name="maxAge"/>; null without the ElevenLabs provider.</summary>
    public async Task<VoiceHealthReport?> RefreshVoicesAsync(TimeSpan? maxAge, CancellationToken cancellationToken)
    {
        if (services.GetService<IVoiceUpstream>() is null || services.GetService<VoiceHealthMonitor>() is not { } monitor)
        {
            return null;
        }

        var report = maxAge is { } age ? await monitor.GetReportAsync(age, cancellationToken) : monitor.Latest;
        gauges.Update(report);
        return report;
    }
}
