using System.Diagnostics;
using System.Diagnostics.Metrics;
using SpeechGate.Metering;
using SpeechGate.Synthesis;

namespace SpeechGate.Observability;

/// <summary>
/// SpeechGate's one <see cref="Meter"/> (<c>SpeechGate</c>) and its instruments: answers and credits (fed by the answer
/// recorder, so the gateway's hot hits count too), upstream timings and errors, HTTP requests, render runs and deliveries.
/// Gauges (budgets, quota, voice health) read <see cref="SpeechGateGauges"/>.
/// </summary>
/// <remarks>Thread-safe. Every record call is a few counter additions with at most three tags: it must stay cheap on a cache hit.</remarks>
public sealed class SpeechGateMetrics
{
    /// <summary>The meter's name (for <c>AddMeter</c> or a listener's filter).</summary>
    public const string MeterName = "SpeechGate";

    /// <summary>Tag value for a row without a project or model.</summary>
    public const string None = "none";

    /// <summary>The traces' source: upstream calls (<c>speechgate.upstream</c>).</summary>
    public static readonly ActivitySource ActivitySource = new(MeterName);

    private readonly Counter<long> _requests;
    private readonly Counter<long> _lookups;
    private readonly Counter<long> _characters;
    private readonly Counter<long> _spent;
    private readonly Counter<long> _saved;
    private readonly Counter<long> _wasted;
    private readonly Counter<long> _regenerations;
    private readonly Histogram<double> _firstByte;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _upstreamErrors;
    private readonly Counter<long> _renderRuns;
    private readonly Counter<long> _renderLines;
    private readonly Counter<long> _deliveries;
    private readonly RecentActivity _recent = new();
    private readonly TimeProvider _time;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public SpeechGateMetrics(IMeterFactory meterFactory, TimeProvider? time = null, SpeechGateGauges? gauges = null)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _time = time ?? TimeProvider.System;
        Meter = meterFactory.Create(MeterName);
        Gauges = gauges ?? new SpeechGateGauges();
        _requests = Meter.CreateCounter<long>("speechgate.http.requests", "{request}", "HTTP requests answered, by route and status code.");
        _lookups = Meter.CreateCounter<long>("speechgate.cache.lookups", "{answer}", "Answers by how the cache answered: hit, miss, coalesced, bypass.");
        _characters = Meter.CreateCounter<long>("speechgate.characters", "{character}", "Billable characters of answered requests, by model and project.");
        _spent = Meter.CreateCounter<long>("speechgate.credits.spent", "{credit}", "Credits billed by providers, by model and project.");
        _saved = Meter.CreateCounter<long>("speechgate.credits.saved", "{credit}", "Credits the cache saved (hits and coalesced requests), by model and project.");
        _wasted = Meter.CreateCounter<long>("speechgate.credits.wasted", "{credit}", "Credits thrown away on regenerations and re-buys of identical audio, by model and project.");
        _regenerations = Meter.CreateCounter<long>("speechgate.regenerations", "{take}", "Paid new takes of a script line that already had audio (thrown-away takes), by project.");
        _firstByte = Meter.CreateHistogram<double>("speechgate.upstream.time_to_first_byte", "s", "Time from sending a provider call to its first audio, by provider, model and route.");
        _duration = Meter.CreateHistogram<double>("speechgate.upstream.duration", "s", "Time from sending a provider call to its last audio byte, by provider, model and route.");
        _upstreamErrors = Meter.CreateCounter<long>("speechgate.upstream.errors", "{error}", "Provider calls that failed, by provider and error code.");
        _renderRuns = Meter.CreateCounter<long>("speechgate.render.runs", "{run}", "Voiceover render runs finished, by outcome.");
        _renderLines = Meter.CreateCounter<long>("speechgate.render.lines", "{line}", "Script lines rendered, by outcome.");
        _deliveries = Meter.CreateCounter<long>("speechgate.deliveries", "{delivery}", "Deliverables handed to a target (folder, bucket, webhook), by target and outcome.");
        Meter.CreateObservableGauge("speechgate.budget.remaining", () => Gauges.BudgetRemaining(), "{credit}", "Credits left in each budget's current period.");
        Meter.CreateObservableGauge("speechgate.budget.limit", () => Gauges.BudgetLimit(), "{credit}", "Each budget's allowance per period.");
        Meter.CreateObservableGauge("speechgate.quota.remaining", () => Gauges.QuotaRemaining(), "{credit}", "Credits left on the provider account's plan (its subscription, less what was spent since it was read).");
        Meter.CreateObservableGauge("speechgate.quota.limit", () => Gauges.QuotaLimit(), "{credit}", "The provider account's plan quota.");
        Meter.CreateObservableGauge("speechgate.voice.healthy", () => Gauges.VoiceHealth(), "{voice}", "1 when a pinned, aliased or recently used voice is usable, 0 when it is broken, by voice and status.");
    }

    /// <summary>The meter.</summary>
    public Meter Meter { get; }

    /// <summary>What the observable gauges report.</summary>
    public SpeechGateGauges Gauges { get; }

    /// <summary>Recent provider times to first byte (for the dashboard).</summary>
    public UpstreamTimings Timings { get; } = new();

    /// <summary>Recent render runs and deliveries, newest first (for the dashboard).</summary>
    public RecentActivity Recent => _recent;

    /// <summary>Counts an answered HTTP request.</summary>
    public void RecordRequest(string route, int statusCode)
    {
        if (_requests.Enabled)
        {
            _requests.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("status", StatusCodes.Of(statusCode)));
        }
    }

    /// <summary>Counts an answer the recorder wrote (a ledger row, which may stand for several identical free answers).</summary>
    public void RecordAnswer(UsageRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var answers = row.Answers;
        var cache = new KeyValuePair<string, object?>("result", CacheResult(row.CacheStatus));
        _lookups.Add(answers, cache);
        var model = new KeyValuePair<string, object?>("model", row.ModelId ?? None);
        var project = new KeyValuePair<string, object?>("project", row.Project ?? None);
        _characters.Add((long)row.Characters * answers, model, project);
        if (row.Credits > 0)
        {
            _spent.Add(row.Credits * answers, model, project);
            if (row.Regeneration || row.Rebuy)
            {
                _wasted.Add(row.Credits * answers, model, project);
            }

            if (row.Regeneration)
            {
                _regenerations.Add(answers, project);
            }
        }
        else if (row.CacheStatus is SpeechCacheStatus.Hit or SpeechCacheStatus.Coalesced && row.EstimatedCredits > 0)
        {
            _saved.Add(row.EstimatedCredits * answers, model, project);
        }
    }

    /// <summary>Records a provider call's time to first audio.</summary>
    public void RecordUpstreamFirstByte(string provider, string? model, string route, TimeSpan elapsed)
    {
        _firstByte.Record(elapsed.TotalSeconds, Tag("provider", provider), Tag("model", model ?? None), Tag("route", route));
        Timings.Add(model ?? None, route, elapsed);
    }

    /// <summary>Records a provider call's whole duration (to its last audio byte).</summary>
    public void RecordUpstreamDuration(string provider, string? model, string route, TimeSpan elapsed)
        => _duration.Record(elapsed.TotalSeconds, Tag("provider", provider), Tag("model", model ?? None), Tag("route", route));

    /// <summary>Counts a failed provider call by its error code (<c>quota_exceeded</c>, <c>voice_not_found</c>…).</summary>
    public void RecordUpstreamError(string provider, string code, int statusCode)
        => _upstreamErrors.Add(1, Tag("provider", provider), Tag("code", code), Tag("status", StatusCodes.Of(statusCode)));

    /// <summary>Counts a finished render run and its lines; <paramref name="outcome"/> is e.g. <c>succeeded</c> or <c>failed</c>.</summary>
    public void RecordRenderRun(string name, string outcome, int lines, long credits)
    {
        _renderRuns.Add(1, Tag("outcome", outcome));
        _renderLines.Add(lines, Tag("outcome", outcome));
        _recent.Add(new RecentEvent("render", name, outcome, lines, credits, _time.GetUtcNow()));
    }

    /// <summary>Counts a delivery of a run's deliverables to <paramref name="target"/> (<c>folder</c>, <c>s3</c>, <c>webhook</c>).</summary>
    public void RecordDelivery(string name, string target, string outcome)
    {
        _deliveries.Add(1, Tag("target", target), Tag("outcome", outcome));
        _recent.Add(new RecentEvent("delivery", name, outcome, 0, 0, _time.GetUtcNow()) { Target = target });
    }

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    private static string CacheResult(SpeechCacheStatus status) => status switch
    {
        SpeechCacheStatus.Hit => "hit",
        SpeechCacheStatus.Miss => "miss",
        SpeechCacheStatus.Coalesced => "coalesced",
        SpeechCacheStatus.Bypass => "bypass",
        _ => "uncached",
    };

    private static class StatusCodes
    {
        private static readonly string[] Names = [.. Enumerable.Range(0, 600).Select(code => code.ToString(System.Globalization.CultureInfo.InvariantCulture))];

        public static string Of(int code) => (uint)code < Names.Length ? Names[code] : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
