using System.Collections.Concurrent;
using Prometheus;

namespace SpeechGate.Server.Observability;

/// <summary>
/// One instrument's prometheus-net collector. Label names are the first measurement's tag keys (the instruments always
/// pass the same keys in the same order); each distinct set of tag values maps to its child once.
/// </summary>
internal abstract class PrometheusSink
{
    private readonly Lock _gate = new();
    private readonly string _name;
    private readonly string _help;
    private readonly IMetricFactory _factory;
    private string[]? _labelNames;

    private protected PrometheusSink(IMetricFactory factory, string name, string help)
        => (_factory, _name, _help) = (factory, name, help);

    public abstract void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags);

    private protected (IMetricFactory Factory, string Name, string Help, string[] LabelNames) Describe(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_gate)
        {
            if (_labelNames is null)
            {
                var names = new string[tags.Length];
                for (var i = 0; i < tags.Length; i++)
                {
                    names[i] = tags[i].Key;
                }

                _labelNames = names;
            }

            return (_factory, _name, _help, _labelNames);
        }
    }

    private protected static LabelValues ValuesOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        => new(tags.Length > 0 ? tags[0].Value as string : null, tags.Length > 1 ? tags[1].Value as string : null, tags.Length > 2 ? tags[2].Value as string : null);

    internal readonly record struct LabelValues(string? First, string? Second, string? Third)
    {
        public string[] ToArray(int count) => [.. new[] { First ?? "", Second ?? "", Third ?? "" }.Take(count)];
    }

    internal sealed class CounterSink(IMetricFactory factory, string name, string help) : PrometheusSink(factory, name, help)
    {
        private readonly ConcurrentDictionary<LabelValues, Counter.Child> _children = new();
        private Counter? _counter;

        public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var key = ValuesOf(tags);
            if (!_children.TryGetValue(key, out var child))
            {
                var (metrics, metricName, metricHelp, labels) = Describe(tags);
                _counter ??= metrics.CreateCounter(metricName, metricHelp, labels);
                child = _children.GetOrAdd(key, values => _counter.WithLabels(values.ToArray(labels.Length)));
            }

            child.Inc(value);
        }
    }

    internal sealed class HistogramSink(IMetricFactory factory, string name, string help, double[] buckets) : PrometheusSink(factory, name, help)
    {
        private readonly ConcurrentDictionary<LabelValues, Histogram.Child> _children = new();
        private Histogram? _histogram;

        public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var key = ValuesOf(tags);
            if (!_children.TryGetValue(key, out var child))
            {
                var (metrics, metricName, metricHelp, labels) = Describe(tags);
                _histogram ??= metrics.CreateHistogram(metricName, metricHelp, labels, new HistogramConfiguration { Buckets = buckets });
                child = _children.GetOrAdd(key, values => _histogram.WithLabels(values.ToArray(labels.Length)));
            }

            child.Observe(value);
        }
    }

    /// <summary>An observable gauge: series not reported in a collection round are removed (a deleted budget disappears).</summary>
    internal sealed class GaugeSink(IMetricFactory factory, string name, string help) : PrometheusSink(factory, name, help)
    {
        private readonly Lock _round = new();
        private readonly HashSet<LabelValues> _seen = [];
        private readonly HashSet<LabelValues> _published = [];
        private Gauge? _gauge;
        private int _labelCount;

        public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var (metrics, metricName, metricHelp, labels) = Describe(tags);
            var key = ValuesOf(tags);
            lock (_round)
            {
                _gauge ??= metrics.CreateGauge(metricName, metricHelp, labels);
                _labelCount = labels.Length;
                _seen.Add(key);
                _published.Add(key);
                _gauge.WithLabels(key.ToArray(labels.Length)).Set(value);
            }
        }

        public void BeginRound()
        {
            lock (_round)
            {
                _seen.Clear();
            }
        }

        public void EndRound()
        {
            lock (_round)
            {
                RemoveStale();
            }
        }

        private void RemoveStale()
        {
            foreach (var stale in _published.Where(key => !_seen.Contains(key)).ToList())
            {
                _gauge?.RemoveLabelled(stale.ToArray(_labelCount));
                _published.Remove(stale);
            }
        }
    }
}
