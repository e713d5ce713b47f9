namespace SpeechGate.Observability;

/// <summary>The last <see cref="Capacity"/> render runs and deliveries this process saw, newest first. Thread-safe.</summary>
public sealed class RecentActivity
{
    /// <summary>How many events are kept.</summary>
    public const int Capacity = 50;

    private readonly Lock _gate = new();
    private readonly LinkedList<RecentEvent> _events = new();

    /// <summary>Adds an event, dropping the oldest beyond <see cref="Capacity"/>.</summary>
    public void Add(RecentEvent recent)
    {
        lock (_gate)
        {
            _events.AddFirst(recent);
            if (_events.Count > Capacity)
            {
                _events.RemoveLast();
            }
        }
    }

    /// <summary>The events of one kind, newest first.</summary>
    public IReadOnlyList<RecentEvent> Of(string kind)
    {
        lock (_gate)
        {
            return [.. _events.Where(e => e.Kind == kind)];
        }
    }
}
