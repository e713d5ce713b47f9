using System.Diagnostics.Metrics;

namespace SpeechGate.Observability;

/// <summary>An <see cref="IMeterFactory"/> for hosts that register none (the CLI, a bare library): owns and disposes its meters.</summary>
internal sealed class OwnedMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];
    private readonly Lock _gate = new();

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        lock (_gate)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _meters.ForEach(meter => meter.Dispose());
            _meters.Clear();
        }
    }
}
