using SpeechGate.Caching;

namespace SpeechGate.Core.Tests.Caching;

public sealed class MemorySpeechTierTests
{
    private readonly SteppingClock _clock = new();

    [Fact]
    public void OverTheCap_EvictsTheLeastRecentlyUsedFirst()
    {
        var tier = new MemorySpeechTier(maxBytes: 30, _clock);
        tier.Set("a", Clip(10));
        _clock.Step();
        tier.Set("b", Clip(10));
        _clock.Step();
        tier.Set("c", Clip(10));
        _clock.Step();
        Assert.NotNull(tier.Get("a")); // a is now the most recently used

        _clock.Step();
        tier.Set("d", Clip(10));

        Assert.Null(tier.Get("b"));
        Assert.NotNull(tier.Get("a"));
        Assert.NotNull(tier.Get("c"));
        Assert.NotNull(tier.Get("d"));
        Assert.Equal(30, tier.Bytes);
    }

    [Fact]
    public void Set_ReplacesAnEntryAndCountsItsBytesOnce()
    {
        var tier = new MemorySpeechTier(maxBytes: 100, _clock);
        tier.Set("a", Clip(10));
        tier.Set("a", Clip(25));

        Assert.Equal(25, tier.Bytes);
        Assert.Equal(25, tier.Get("a")!.Audio.Length);
    }

    [Fact]
    public void ClipLargerThanTheTier_IsNotKept_AndRemovesTheOldTake()
    {
        var tier = new MemorySpeechTier(maxBytes: 20, _clock);
        tier.Set("a", Clip(10));
        tier.Set("a", Clip(21));

        Assert.Null(tier.Get("a"));
        Assert.Equal(0, tier.Bytes);
    }

    [Fact]
    public void Remove_DropsTheEntryAndItsBytes()
    {
        var tier = new MemorySpeechTier(maxBytes: 100, _clock);
        tier.Set("a", Clip(10));
        tier.Set("b", Clip(10));

        tier.Remove("a");

        Assert.Null(tier.Get("a"));
        Assert.Equal(10, tier.Bytes);
    }

    [Fact]
    public async Task ConcurrentReadsAndWrites_KeepTheByteCountExact()
    {
        var tier = new MemorySpeechTier(maxBytes: 50, _clock);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                var key = $"k{(i + worker) % 12}";
                tier.Set(key, Clip(1 + (i % 7)));
                _ = tier.Get($"k{i % 12}");
            }
        })));

        var held = Enumerable.Range(0, 12).Select(i => tier.Get($"k{i}")).Where(clip => clip is not null).Sum(clip => clip!.Audio.Length);
        Assert.Equal(held, tier.Bytes);
        Assert.InRange(tier.Bytes, 1, 50);
    }

    private static CachedSpeech Clip(int bytes) => new(new byte[bytes], "audio/mpeg");

    /// <summary>Milliseconds that move only when told to.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _ms;

        public override long TimestampFrequency => 1000;

        public override long GetTimestamp() => Interlocked.Read(ref _ms);

        public void Step() => Interlocked.Increment(ref _ms);
    }
}
