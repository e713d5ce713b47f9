using SpeechGate.Budgeting;
using SpeechGate.Caching;
using SpeechGate.Synthesis;

namespace SpeechGate.Metering;

/// <summary>
/// The one place an answer is recorded: its ledger row, the cache statistics of an answer that bypassed the cache stage,
/// and every <see cref="ISpeechAnswerObserver"/> (metrics). The metering stage and the gateway's hot-hit path both record
/// through it, so a hit answered either way leaves the same row and the same counts.
/// </summary>
public sealed class SpeechAnswerRecorder
{
    private readonly LedgerBacklog _ledger;
    private readonly CreditEstimator _estimator;
    private readonly TimeProvider _time;
    private readonly ISpeechCache? _cache;
    private readonly ISpeechAnswerObserver[] _observers;

    /// <summary>Creates the recorder.</summary>
    /// <param name="ledger">Where rows go: the ledger, or its backlog when the ledger cannot take them now (a paid answer is never failed by bookkeeping).</param>
    /// <param name="estimator">Prices the row's estimate and names its provider.</param>
    /// <param name="time">The row's clock.</param>
    /// <param name="cache">The cache whose statistics count repeats answered outside the pipeline; null without a cache.</param>
    /// <param name="observers">Told of every recorded answer.</param>
    public SpeechAnswerRecorder(LedgerBacklog ledger, CreditEstimator estimator, TimeProvider time, ISpeechCache? cache = null, IEnumerable<ISpeechAnswerObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(time);
        _ledger = ledger;
        _estimator = estimator;
        _time = time;
        _cache = cache;
        _observers = observers?.ToArray() ?? [];
    }

    /// <summary>The ledger row of <paramref name="audio"/>, the answer to <paramref name="request"/>, stamped now.</summary>
    public UsageRecord Describe(SpeechRequest request, SpeechAudio audio)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(audio);
        return new UsageRecord
        {
            Time = _time.GetUtcNow(),
            AccountId = request.AccountId,
            Project = request.Project,
            LineId = request.LineId,
            Provider = _estimator.ProviderOf(request),
            VoiceId = audio.ResolvedVoiceId ?? request.VoiceId,
            ModelId = request.ModelId,
            Characters = CreditEstimator.CountCharacters(request.Text),
            Credits = audio.BilledCharacters,
            EstimatedCredits = _estimator.EstimateCredits(request),
            RequestId = audio.RequestId,
            CacheStatus = audio.CacheStatus == SpeechCacheStatus.None && request.BypassCache ? SpeechCacheStatus.Bypass : audio.CacheStatus,
            AudioKey = audio.CacheKey,
        };
    }

    /// <summary>Appends the row of an answer the pipeline produced (the cache stage, if any, has counted it) and returns the row written.</summary>
    public async Task<UsageRecord> RecordAsync(SpeechRequest request, SpeechAudio audio)
    {
        // The charge already happened upstream: record it even if the caller has gone.
        var written = await _ledger.AppendAsync(Describe(request, audio)).ConfigureAwait(false);
        Notify(written);
        return written;
    }

    /// <summary>
    /// Records a repeat of a cache hit answered without the pipeline (the gateway's hot-hit path): the row the pipeline
    /// wrote for it, re-stamped with this request's payer and time, and the hit counted as the cache stage counts one.
    /// </summary>
    /// <param name="answered">The row the pipeline wrote for the same request; null when it was not metered (only the statistics count it).</param>
    /// <param name="creditsSaved">What the clip cost when it was bought (the cache stage's "saved" for a hit).</param>
    /// <param name="accountId">Who asked this time.</param>
    /// <param name="project">This request's project.</param>
    /// <param name="lineId">This request's script line.</param>
    public async Task<UsageRecord?> RecordRepeatedHitAsync(UsageRecord? answered, int creditsSaved, string? accountId, string? project, string? lineId)
    {
        UsageRecord? written = null;
        if (answered is not null)
        {
            written = await _ledger.AppendAsync(answered with { Time = _time.GetUtcNow(), AccountId = accountId, Project = project, LineId = lineId })
                .ConfigureAwait(false);
        }

        if (_cache is not null)
        {
            await _cache.RecordAsync(SpeechCacheStatus.Hit, creditsSaved, CancellationToken.None).ConfigureAwait(false);
        }

        if (written is not null)
        {
            Notify(written);
        }

        return written;
    }

    private void Notify(UsageRecord written)
    {
        foreach (var observer in _observers)
        {
            observer.OnAnswered(written);
        }
    }
}
