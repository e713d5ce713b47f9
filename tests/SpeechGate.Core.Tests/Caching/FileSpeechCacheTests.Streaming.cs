using System.Security.Cryptography;
using SpeechGate.Caching;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Caching;

/// <summary>A hit on a clip too long for the memory tier is verified and then streamed from one handle, a window at a time.</summary>
public sealed partial class FileSpeechCacheTests
{
    private const int LongClipBytes = (3 << 20) + 12345;

    [Fact]
    public async Task OpenAsync_ClipLongerThanTheMemoryTier_StreamsVerifiedWindowsAndHoldsNoneOfIt()
    {
        await using var cache = Open(memoryMaxBytes: 1 << 20);
        var alignment = new CharacterAlignment(["l", "o"], [0.0, 0.1], [0.1, 0.2]);
        var clip = LongClip() with { RequestId = "req-long", BilledCharacters = 9, Alignment = alignment };
        await cache.SetAsync(Key("long"), clip);

        var stored = await ((ISpeechBlobStore)cache).OpenAsync(Key("long"), CancellationToken.None);
        Assert.NotNull(stored);
        await using var blob = stored.Blob;
        var chunks = await stored.ReadAsync().ToListAsync();

        Assert.NotNull(blob);
        Assert.True(stored.Speech.Audio.IsEmpty);
        Assert.Equal(("req-long", 9), (stored.Speech.RequestId, stored.Speech.BilledCharacters));
        Assert.Equal(0, cache.MemoryBytes);
        Assert.All(chunks, chunk => Assert.InRange(chunk.Audio.Length, 1, VerifiedBlob.WindowSize));
        Assert.Equal((LongClipBytes + VerifiedBlob.WindowSize - 1) / VerifiedBlob.WindowSize, chunks.Count);
        Assert.Equal(SHA256.HashData(clip.Audio.Span), SHA256.HashData(chunks.SelectMany(c => c.Audio.ToArray()).ToArray()));
        Assert.Equal(alignment.Characters, chunks[0].Alignment!.Characters);
        Assert.All(chunks.Skip(1), chunk => Assert.Null(chunk.Alignment));
    }

    // Verified once, then read from the same handle: an eviction (or a new take renamed over the name) mid-read changes nothing.
    [Fact]
    public async Task OpenAsync_BlobDeletedAfterTheCheck_StillReadsTheVerifiedBytes()
    {
        await using var cache = Open(memoryMaxBytes: 1 << 20);
        var clip = LongClip();
        await cache.SetAsync(Key("long"), clip);
        var stored = await ((ISpeechBlobStore)cache).OpenAsync(Key("long"), CancellationToken.None);
        Assert.NotNull(stored?.Blob);

        File.Delete(BlobPath(clip));
        var bytes = (await stored.ReadAsync().ToListAsync()).SelectMany(c => c.Audio.ToArray()).ToArray();

        Assert.Equal(SHA256.HashData(clip.Audio.Span), SHA256.HashData(bytes));
    }

    [Fact]
    public async Task OpenAsync_LongBlobCorrupted_IsAMissAndTheEntryIsDropped()
    {
        await using var cache = Open(memoryMaxBytes: 1 << 20);
        var clip = LongClip();
        await cache.SetAsync(Key("long"), clip);
        await using (var file = File.OpenWrite(BlobPath(clip)))
        {
            file.Position = LongClipBytes - 10;
            file.WriteByte(0xFF);
        }

        var stored = await ((ISpeechBlobStore)cache).OpenAsync(Key("long"), CancellationToken.None);

        Assert.Null(stored);
        Assert.False(File.Exists(BlobPath(clip)));
        Assert.Null(await cache.GetAsync(Key("long")));
    }

    [Fact]
    public async Task OpenAsync_ClipTheMemoryTierTakes_ComesWholeFromMemory()
    {
        await using var cache = Open();
        await cache.SetAsync(Key("short"), Clip("short"));

        var stored = await ((ISpeechBlobStore)cache).OpenAsync(Key("short"), CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Null(stored.Blob);
        Assert.Equal(Clip("short").Audio.ToArray(), stored.Speech.Audio.ToArray());
    }

    [Fact]
    public async Task ContainsAsync_ClipLongerThanTheMemoryTier_IsFoundThroughItsVerifiedBlob()
    {
        await using var cache = Open(memoryMaxBytes: 1 << 20);
        var resolver = new SpeechRequestResolver("local");
        var request = new SpeechRequest("long", "voice") { Provider = "local" };
        await cache.SetAsync(SpeechCacheKey.From(resolver.Complete(request)), LongClip());
        var probe = new SpeechCacheProbe(cache, resolver);

        Assert.True(await probe.ContainsAsync(request));
        Assert.False(await probe.ContainsAsync(request with { Text = "other" }));
        Assert.Equal(0, cache.MemoryBytes);
    }

    // Distinct bytes everywhere (no run of zeros), so a flipped byte is a real corruption.
    private static CachedSpeech LongClip()
        => new(Enumerable.Range(0, LongClipBytes).Select(i => (byte)((i * 31) ^ (i >> 8))).ToArray(), "audio/pcm");
}
