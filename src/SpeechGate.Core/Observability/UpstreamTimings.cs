using System.Collections.Concurrent;

namespace SpeechGate.Observability;

/// <summary>
/// Recent provider times to first byte by model and route, kept in process for the dashboard (the Prometheus histogram
/// has the full record): the last <see cref="Window"/> calls of each pair. Only provider calls land here, never hits.
/// </summary>
public sealed class UpstreamTimings
{
    /// <summary>Calls kept per model and route.</summary>
    public const int Window = 256;

    private readonly ConcurrentDictionary<(string Model, string Route), Samples> _samples = new();

    /// <summary>Adds one call's time to first byte.</summary>
    public void Add(string model, string route, TimeSpan elapsed) => _samples.GetOrAdd((model, route), _ => new Samples()).Add(elapsed.TotalMilliseconds);

    /// <summary>Median and 95th percentile (ms) of each pair's recent calls, by model then route.</summary>
    public IReadOnlyList<UpstreamTiming> Summarize()
        => [.. _samples.Select(pair => pair.Value.Summarize(pair.Key.Model, pair.Key.Route)).OrderBy(t => t.Model, StringComparer.Ordinal).ThenBy(t => t.Route, StringComparer.Ordinal)];

    private sealed class Samples
    {
        private readonly Lock _gate = new();
        private readonly double[] _ring = new double[Window];
        private long _count;

        public void Add(double milliseconds)
        {
            lock (_gate)
            {
                _ring[_count++ % Window] = milliseconds;
            }
        }

        public UpstreamTiming Summarize(string model, string route)
        {
            double[] recent;
            long count;
            lock (_gate)
            {
                count = _count;
                recent = _ring[..(int)Math.Min(count, Window)];
            }

            Array.Sort(recent);
            return new UpstreamTiming(model, route, count, Percentile(recent, 0.5), Percentile(recent, 0.95));
        }

        private static double Percentile(double[] sorted, double p)
            => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
