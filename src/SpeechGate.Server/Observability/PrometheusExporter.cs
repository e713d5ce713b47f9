using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;
using SpeechGate.Observability;

namespace SpeechGate.Server.Observability;

/// <summary>
/// Publishes the SpeechGate meter, and only it, in Prometheus text format: a <see cref="MeterListener"/> feeds
/// prometheus-net collectors in a registry of this gateway's own (two gateways in one process never mix numbers), and
/// prometheus-net writes the exposition text.
/// </summary>
/// <remarks>
/// Not prometheus-net's own <c>MeterAdapter</c>: it exports .NET counters as Prometheus gauges, prefixes names with the
/// meter's, and sorts every measurement's tags into new arrays — a tax on each cache hit. Here a measurement is one
/// dictionary lookup of its (at most three) tag values and a lock-free add. ASP.NET Core's own meters are not listened
/// to either: that would make hosting record a histogram per request; requests are counted by
/// <see cref="RequestMetricsMiddleware"/> with one counter.
/// </remarks>
internal sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    // Seconds: from a hot upstream's first byte (tens of ms) to a long convert (a minute).
    private static readonly double[] SecondsBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly IMetricFactory _factory;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, PrometheusSink> _sinks = new();

    public PrometheusExporter(SpeechGateMetrics metrics)
    {
        _factory = Metrics.WithCustomRegistry(_registry);
        var meter = metrics.Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument, _sinks.GetOrAdd(instrument, Create));
            }
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((PrometheusSink)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((PrometheusSink)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((PrometheusSink)state!).Record(value, tags));
        _listener.Start();
        _registry.AddBeforeCollectCallback(CollectObservables);
    }

    public Task WriteAsync(Stream destination, CancellationToken cancellationToken)
        => _registry.CollectAndExportAsTextAsync(destination, cancellationToken);

    public void Dispose() => _listener.Dispose();

    /// <summary>Prometheus' name for an instrument: dots become underscores; counters end in <c>_total</c>, seconds in <c>_seconds</c>.</summary>
    internal static string NameOf(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_');
        if (instrument.Unit == "s")
        {
            name += "_seconds";
        }

        return instrument is Counter<long> or Counter<int> or Counter<double> ? name + "_total" : name;
    }

    private PrometheusSink Create(Instrument instrument)
    {
        var help = instrument.Description ?? instrument.Name;
        return instrument switch
        {
            Counter<long> or Counter<int> or Counter<double> => new PrometheusSink.CounterSink(_factory, NameOf(instrument), help),
            Histogram<double> or Histogram<long> => new PrometheusSink.HistogramSink(_factory, NameOf(instrument), help, SecondsBuckets),
            _ => new PrometheusSink.GaugeSink(_factory, NameOf(instrument), help),
        };
    }

    private void CollectObservables()
    {
        var gauges = _sinks.Values.OfType<PrometheusSink.GaugeSink>().ToList();
        gauges.ForEach(gauge => gauge.BeginRound());
        _listener.RecordObservableInstruments();
        gauges.ForEach(gauge => gauge.EndRound());
    }
}
