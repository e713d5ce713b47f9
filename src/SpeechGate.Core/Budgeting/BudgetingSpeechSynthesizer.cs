using Microsoft.Extensions.Logging;
using SpeechGate.Metering;
using SpeechGate.Synthesis;

namespace SpeechGate.Budgeting;

/// <summary>
/// Reserves the exact cost of a request against every applicable budget before the provider is called, settles
/// against what the provider billed, and releases the reservation when the call fails before anything was billed.
/// </summary>
/// <remarks>
/// The reservation is marked sent when the provider sends the request (after any wait for a concurrency slot), so a
/// crash is told apart: never sent → released, sent → may have been paid. A call that was billed and then failed (its
/// body broke and could not be recovered) is settled and ledgered as paid here, once, however many callers shared it.
/// Bookkeeping that fails after the charge goes to the <see cref="LedgerBacklog"/>, never to the caller.
/// </remarks>
internal sealed partial class BudgetingSpeechSynthesizer(
    ISpeechSynthesizer inner, IBudgetStore budgets, CreditEstimator estimator, IUpstreamQuota? quota, LedgerBacklog? backlog, TimeProvider time,
    ILogger<BudgetingSpeechSynthesizer> logger)
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
        var pending = PendingRow(request, credits);
        var sent = 0;
        UpstreamCall.OnSending(() => Interlocked.Exchange(ref sent, 1) == 0 ? new ValueTask(MarkSentAsync(reservation, pending)) : ValueTask.CompletedTask);
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
        catch (SpeechException paid) when (paid.BilledCredits > 0)
        {
            // Billed, then broken: the money is gone, so it is charged and ledgered like any paid answer.
            quotaHold?.Settle(paid.BilledCredits);
            await SettleAsync(reservation, paid.BilledCredits).ConfigureAwait(false);
            await AppendAsync(pending with { Credits = paid.BilledCredits, RequestId = paid.RequestId }).ConfigureAwait(false);
            throw;
        }
        catch
        {
            // The provider answered with an error before any audio: nothing was billed.
            quotaHold?.Dispose();
            await budgets.ReleaseAsync(reservation, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            UpstreamCall.OnSending(null);
        }

        // Upstream billed once the response started; character-cost is the truth, the estimate the fallback.
        var billed = audio.BilledCharacters > 0 ? audio.BilledCharacters : credits;
        if (billed != credits)
        {
            LogSettlementDifference(logger, credits, billed, request.ModelId);
        }

        await SettleAsync(reservation, billed).ConfigureAwait(false);
        quotaHold?.Settle(billed);
        return reservation.Warnings.Count == 0 ? audio : audio with { Warnings = [.. audio.Warnings, .. reservation.Warnings] };
    }

    private UsageRecord PendingRow(SpeechRequest request, long credits) => new()
    {
        Time = time.GetUtcNow(),
        AccountId = request.AccountId,
        Project = request.Project,
        LineId = request.LineId,
        Provider = estimator.ProviderOf(request),
        VoiceId = request.VoiceId,
        ModelId = request.ModelId,
        Characters = CreditEstimator.CountCharacters(request.Text),
        Credits = credits,
        EstimatedCredits = credits,
        CacheStatus = request.BypassCache ? SpeechCacheStatus.Bypass : SpeechCacheStatus.Miss,
    };

    private async Task MarkSentAsync(BudgetReservation reservation, UsageRecord pending)
    {
        try
        {
            await budgets.MarkSentAsync(reservation, pending, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Not worth failing the call for: only a crash during this very call would then be released, not ledgered.
            LogMarkSentFailed(logger, reservation.Id, exception.Message);
        }
    }

    private Task SettleAsync(BudgetReservation reservation, long credits)
        => backlog is null ? budgets.SettleAsync(reservation, credits, CancellationToken.None) : backlog.SettleAsync(reservation, credits);

    private Task AppendAsync(UsageRecord record)
        => backlog?.AppendAsync(record) ?? Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Estimated {Estimated} credits but the provider billed {Billed} (model {Model}).")]
    private static partial void LogSettlementDifference(ILogger logger, int estimated, int billed, string? model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark reservation {Reservation} as sent ({Error}).")]
    private static partial void LogMarkSentFailed(ILogger logger, string reservation, string error);
}
