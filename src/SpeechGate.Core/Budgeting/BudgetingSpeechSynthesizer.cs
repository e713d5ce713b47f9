using Microsoft.Extensions.Logging;
using SpeechGate.Synthesis;

namespace SpeechGate.Budgeting;

/// <summary>
/// Reserves the exact cost of a request against every applicable budget before the provider is called, settles
/// against what the provider billed, and releases the reservation when the call fails.
/// </summary>
internal sealed partial class BudgetingSpeechSynthesizer(
    ISpeechSynthesizer inner, IBudgetStore budgets, CreditEstimator estimator, IUpstreamQuota? quota, ILogger<BudgetingSpeechSynthesizer> logger)
    : DelegatingSpeechSynthesizer(inner)
{
    public override async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Only real provider calls reach this stage (hits stop at the cache), so the rate check stays off the hot path.
        await estimator.RefreshRatesAsync(cancellationToken).ConfigureAwait(false);
        var credits = estimator.EstimateCredits(request);
        if (credits == 0)
        {
            return await base.SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var reservation = await budgets.ReserveAsync(request.AccountId, request.Project, credits, cancellationToken).ConfigureAwait(false);
        QuotaHold? quotaHold = null;
        SpeechAudio audio;
        try
        {
            if (quota is not null)
            {
                quotaHold = await quota.HoldAsync(estimator.ProviderOf(request), credits, cancellationToken).ConfigureAwait(false);
            }

            audio = await base.SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The provider answered with an error before any audio: nothing was billed.
            quotaHold?.Dispose();
            await budgets.ReleaseAsync(reservation, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // Upstream billed once the response started; character-cost is the truth, the estimate the fallback.
        var billed = audio.BilledCharacters > 0 ? audio.BilledCharacters : credits;
        if (billed != credits)
        {
            LogSettlementDifference(logger, credits, billed, request.ModelId);
        }

        await budgets.SettleAsync(reservation, billed, CancellationToken.None).ConfigureAwait(false);
        quotaHold?.Settle(billed);
        return reservation.Warnings.Count == 0 ? audio : audio with { Warnings = [.. audio.Warnings, .. reservation.Warnings] };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Estimated {Estimated} credits but the provider billed {Billed} (model {Model}).")]
    private static partial void LogSettlementDifference(ILogger logger, int estimated, int billed, string? model);
}
