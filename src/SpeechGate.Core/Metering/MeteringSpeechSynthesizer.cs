using SpeechGate.Budgeting;
using SpeechGate.Synthesis;

namespace SpeechGate.Metering;

/// <summary>
/// Appends every answered request to the ledger: upstream charges with their credits, cache hits at 0 credits
/// with what they saved.
/// </summary>
/// <remarks>
/// It sits outside the cache (unlike the budget, which only sees real provider calls) so that hits are ledgered and
/// "saved by cache" can be totalled. Failed requests cost nothing and leave no row.
/// </remarks>
internal sealed class MeteringSpeechSynthesizer(ISpeechSynthesizer inner, IUsageLedger ledger, CreditEstimator estimator, TimeProvider time)
    : DelegatingSpeechSynthesizer(inner)
{
    public override async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var audio = await base.SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
        var record = new UsageRecord
        {
            Time = time.GetUtcNow(),
            AccountId = request.AccountId,
            Project = request.Project,
            LineId = request.LineId,
            Provider = estimator.ProviderOf(request),
            VoiceId = audio.ResolvedVoiceId ?? request.VoiceId,
            ModelId = request.ModelId,
            Characters = CreditEstimator.CountCharacters(request.Text),
            Credits = audio.BilledCharacters,
            EstimatedCredits = estimator.EstimateCredits(request),
            RequestId = audio.RequestId,
            CacheStatus = audio.CacheStatus == SpeechCacheStatus.None && request.BypassCache ? SpeechCacheStatus.Bypass : audio.CacheStatus,
            AudioKey = audio.CacheKey,
        };

        // The charge already happened upstream: record it even if the caller has gone.
        var written = await ledger.AppendAsync(record, CancellationToken.None).ConfigureAwait(false);
        return audio with { Usage = written };
    }
}
