using SpeechGate.Metering;
using SpeechGate.Server.HotHits;
using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.Tests.HotHits;

public sealed class HotHitIndexTests
{
    private static readonly byte[] Request = "POST /v1/text-to-speech/v1 {\"text\":\"hi\"}"u8.ToArray();
    private static readonly string Key = new('a', 64);
    private readonly SteppingClock _clock = new();
    private readonly VoiceConfiguration _voices = NewVoices();

    [Fact]
    public void RememberedHit_IsFoundByTheSameBytesOnly_WithItsKeyHeadersAndLedgerTemplate()
    {
        var index = new HotHitIndex(_clock);
        var usage = new UsageRecord { Time = default, Provider = "elevenlabs", VoiceId = "v1", CacheStatus = SpeechCacheStatus.Hit };
        index.Remember(Request, _voices, Hit().WithUsage(usage) with { RequestId = "req-1" });

        var hit = index.Find(Request, _voices);
        Assert.NotNull(hit);
        Assert.Equal(Key, hit.Key.Value);
        Assert.Equal("req-1", hit.Answer.RequestId);
        Assert.Same(usage, hit.Usage);
        Assert.Null(hit.Answer.GetUsage());
        Assert.Null(index.Find(Request.AsSpan(0, Request.Length - 1), _voices));
        Assert.Null(index.Find([.. Request, (byte)' '], _voices));
    }

    [Fact]
    public void AnotherVoiceConfiguration_RetiresTheEntry()
    {
        var index = new HotHitIndex(_clock);
        index.Remember(Request, _voices, Hit());

        Assert.Null(index.Find(Request, NewVoices()));
        Assert.Null(index.Find(Request, _voices));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Entry_ExpiresAfterItsLifetime()
    {
        var index = new HotHitIndex(_clock);
        index.Remember(Request, _voices, Hit());

        _clock.Advance(HotHitIndex.Lifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(index.Find(Request, _voices));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(index.Find(Request, _voices));
    }

    public static TheoryData<SpeechAudio> AnswersThatDependOnMoreThanTheRequest => new()
    {
        Hit() with { CacheStatus = SpeechCacheStatus.Miss },
        Hit() with { CacheStatus = SpeechCacheStatus.Coalesced },
        Hit() with { CacheStatus = SpeechCacheStatus.Bypass },
        Hit() with { CacheKey = null },
        Hit() with { FallbackFromVoiceId = "gone" },
        Hit() with { Warnings = ["soft budget exceeded"] },
    };

    [Theory]
    [MemberData(nameof(AnswersThatDependOnMoreThanTheRequest))]
    public void OnlyPlainHits_AreRemembered(SpeechAudio answer)
    {
        var index = new HotHitIndex(_clock);

        index.Remember(Request, _voices, answer);

        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Index_EmptiesItselfAtItsBound()
    {
        var index = new HotHitIndex(_clock);
        for (var i = 0; i < HotHitIndex.MaxEntries; i++)
        {
            index.Remember(BitConverter.GetBytes(i), _voices, Hit());
        }

        Assert.Equal(HotHitIndex.MaxEntries, index.Count);
        index.Remember(Request, _voices, Hit());

        Assert.Equal(1, index.Count);
        Assert.NotNull(index.Find(Request, _voices));
    }

    private static SpeechAudio Hit() => new("audio/mpeg", Chunks()) { CacheStatus = SpeechCacheStatus.Hit, CacheKey = Key };

    private static VoiceConfiguration NewVoices() => new(VoiceCatalog.Empty, VoiceLock.Empty, "voices.lock");

    private static async IAsyncEnumerable<AudioChunk> Chunks()
    {
        await Task.CompletedTask;
        yield return new AudioChunk(new byte[] { 1, 2, 3 });
    }

    /// <summary>A clock whose timestamps move only when told to.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
