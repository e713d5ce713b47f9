using System.Buffers;

namespace SpeechGate.Providers.Local.Engine;

/// <summary>One response's sentence samples: rented from the shared pool, refilled for every sentence, returned at the end.</summary>
/// <remarks>
/// A sentence is up to about a megabyte of samples, past the large-object threshold; a fresh array per sentence left
/// that much garbage on the large object heap, which only full collections reclaim, so a long render's memory grew with
/// its length. This holds one array per response, sized by its longest sentence. Not thread-safe.
/// </remarks>
internal sealed class SampleBuffer : IDisposable
{
    /// <summary>
    /// The first rental, 512 KB: about 12 s at 22.05 kHz, which most sentences fit, so a response rents one array rather
    /// than a ladder of doubling ones (each size left in the pool would be held there too); a longer one doubles once.
    /// </summary>
    public const int InitialCapacity = 1 << 18;

    private short[] _array = [];
    private int _count;

    /// <summary>The samples appended since the last <see cref="Clear"/>; valid until the next append, clear or dispose.</summary>
    public ReadOnlyMemory<short> Written => _array.AsMemory(0, _count);

    /// <summary>How many samples the rented array holds.</summary>
    public int Capacity => _array.Length;

    /// <summary>Starts the next sentence, keeping the array.</summary>
    public void Clear() => _count = 0;

    public void Append(ReadOnlySpan<short> samples)
    {
        if (_count + samples.Length > _array.Length)
        {
            Grow(_count + samples.Length);
        }

        samples.CopyTo(_array.AsSpan(_count));
        _count += samples.Length;
    }

    /// <summary>Returns the array to the pool; the buffer can be used again afterwards (it rents anew).</summary>
    public void Dispose()
    {
        var array = _array;
        _array = [];
        _count = 0;
        if (array.Length > 0)
        {
            ArrayPool<short>.Shared.Return(array);
        }
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<short>.Shared.Rent(Math.Max(needed, Math.Max(InitialCapacity, _array.Length * 2)));
        _array.AsSpan(0, _count).CopyTo(larger);
        if (_array.Length > 0)
        {
            ArrayPool<short>.Shared.Return(_array);
        }

        _array = larger;
    }
}
