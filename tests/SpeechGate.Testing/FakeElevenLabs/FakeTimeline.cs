using System.Collections.Concurrent;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>An ordered log of events from the fake and from the test, for ordering assertions without clocks.</summary>
public sealed class FakeTimeline
{
    private readonly ConcurrentQueue<(long Sequence, string Event)> _events = new();
    private long _sequence;

    /// <summary>Records an event and returns its position.</summary>
    public long Mark(string name)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        _events.Enqueue((sequence, name));
        return sequence;
    }

    /// <summary>The position of the first event with that name, or -1.</summary>
    public long IndexOf(string name) => _events.Where(e => e.Event == name).Select(e => e.Sequence).DefaultIfEmpty(-1).Min();

    /// <summary>Every event, in order.</summary>
    public IReadOnlyList<string> Events => [.. _events.OrderBy(e => e.Sequence).Select(e => e.Event)];
}
