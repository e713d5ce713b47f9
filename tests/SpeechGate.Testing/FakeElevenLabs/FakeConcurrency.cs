using System.Collections.Concurrent;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Counts in-flight TTS requests per model family, and the highest count seen.</summary>
public sealed class FakeConcurrency
{
    private readonly ConcurrentDictionary<string, StrongBox> _families = new();
    private int _peak;

    /// <summary>The most TTS requests that were in flight at once (any family).</summary>
    public int Peak => Volatile.Read(ref _peak);

    /// <summary>Takes a slot if fewer than <paramref name="limit"/> are in use; null when the limit is reached.</summary>
    public IDisposable? TryEnter(string family, int limit)
    {
        var box = _families.GetOrAdd(family, _ => new StrongBox());
        while (true)
        {
            var current = Volatile.Read(ref box.Count);
            if (current >= limit)
            {
                return null;
            }

            if (Interlocked.CompareExchange(ref box.Count, current + 1, current) == current)
            {
                InterlockedMax(current + 1);
                return new Slot(box);
            }
        }
    }

    private void InterlockedMax(int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, value, seen) != seen)
        {
        }
    }

    private sealed class StrongBox
    {
        public int Count;
    }

    private sealed class Slot(StrongBox box) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref box.Count);
            }
        }
    }
}
