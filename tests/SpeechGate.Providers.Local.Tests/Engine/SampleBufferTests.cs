using System.Runtime.InteropServices;
using SpeechGate.Providers.Local.Engine;

namespace SpeechGate.Providers.Local.Tests.Engine;

public sealed class SampleBufferTests
{
    [Fact]
    public void Append_PastItsCapacity_GrowsAndKeepsEverySample()
    {
        using var buffer = new SampleBuffer();
        var first = Enumerable.Range(0, SampleBuffer.InitialCapacity).Select(i => (short)i).ToArray();
        var second = Enumerable.Range(0, 1000).Select(i => (short)-i).ToArray();

        buffer.Append(first);
        buffer.Append(second);

        Assert.Equal([.. first, .. second], buffer.Written.ToArray());
        Assert.True(buffer.Capacity >= first.Length + second.Length);
    }

    // A response's sentences reuse one array: no new large array (and no large-object garbage) per sentence.
    [Fact]
    public void Clear_ThenTheNextSentence_ReusesTheSameArray()
    {
        using var buffer = new SampleBuffer();
        buffer.Append(new short[200_000]);
        var array = ArrayOf(buffer.Written);

        for (var sentence = 0; sentence < 50; sentence++)
        {
            buffer.Clear();
            buffer.Append(new short[1000 + (sentence * 3000)]);

            Assert.Same(array, ArrayOf(buffer.Written));
        }

        Assert.Equal(array.Length, buffer.Capacity);
    }

    [Fact]
    public void Dispose_ReturnsTheArrayAndLeavesAnEmptyBuffer()
    {
        var buffer = new SampleBuffer();
        buffer.Append([1, 2, 3]);

        buffer.Dispose();

        Assert.Equal(0, buffer.Capacity);
        Assert.True(buffer.Written.IsEmpty);
    }

    private static short[] ArrayOf(ReadOnlyMemory<short> memory)
        => MemoryMarshal.TryGetArray(memory, out var segment) ? segment.Array! : throw new InvalidOperationException("Not an array.");
}
