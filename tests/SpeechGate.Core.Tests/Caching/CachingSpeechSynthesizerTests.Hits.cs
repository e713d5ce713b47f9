using SpeechGate.Caching;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Caching;

/// <summary>A hit on a clip too long for the memory tier streams from its blob: one window in memory, not the clip.</summary>
public sealed partial class CachingSpeechSynthesizerTests
{
    [Fact]
    public async Task SynthesizeAsync_HitOnAClipLongerThanTheMemoryTier_StreamsItFromDiskInWindows()
    {
        await using var cache = new FileSpeechCache(new SpeechCacheOptions { Directory = Path.Combine(_directory.Path, "long"), MemoryMaxBytes = 1 << 20 });
        var stage = Stage(cache);
        var clip = Enumerable.Range(0, (2 << 20) + 7).Select(i => (byte)(i % 251)).ToArray();
        await cache.SetAsync(SpeechCacheKey.From(Request), new CachedSpeech(clip, "audio/mpeg") { RequestId = "req-long" });

        await using var audio = await stage.SynthesizeAsync(Request).WaitAsync(HangGuard);
        var chunks = await audio.Chunks.ToListAsync().AsTask().WaitAsync(HangGuard);

        Assert.Equal((SpeechCacheStatus.Hit, "req-long", 0), (audio.CacheStatus, audio.RequestId, _provider.Calls));
        Assert.NotNull(audio.Resource);
        Assert.All(chunks, chunk => Assert.InRange(chunk.Audio.Length, 1, VerifiedBlob.WindowSize));
        Assert.Equal(clip, chunks.SelectMany(chunk => chunk.Audio.ToArray()).ToArray());
        Assert.Equal(0, cache.MemoryBytes);
    }
}
