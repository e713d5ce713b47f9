using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using SpeechGate.Caching;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Caching;

public sealed partial class FileSpeechCacheTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task GetAsync_AfterSet_ReturnsBytesAndMetadata()
    {
        await using var cache = Open();
        var key = Key("hello");
        var alignment = new CharacterAlignment(["h", "i"], [0.0, 0.1], [0.1, 0.2]);
        var speech = Clip("hello") with { RequestId = "req-1", HistoryItemId = "hist-1", BilledCharacters = 5, Alignment = alignment };

        await cache.SetAsync(key, speech);
        var hit = await cache.GetAsync(key);

        Assert.NotNull(hit);
        Assert.Equal(speech.Audio.ToArray(), hit.Audio.ToArray());
        Assert.Equal(("audio/mpeg", "req-1", "hist-1", 5), (hit.MediaType, hit.RequestId, hit.HistoryItemId, hit.BilledCharacters));
        Assert.Equal(alignment.Characters, hit.Alignment!.Characters);
        Assert.Null(await cache.GetAsync(Key("other")));
    }

    [Fact]
    public async Task GetAsync_NewInstanceOnSameDirectory_StillHits()
    {
        var key = Key("persist");
        var speech = Clip("persist") with { BilledCharacters = 7, Alignment = new CharacterAlignment(["p"], [0.0], [0.5]) };
        await using (var first = Open())
        {
            await first.SetAsync(key, speech);
        }

        await using var second = Open();
        var hit = await second.GetAsync(key);

        Assert.NotNull(hit);
        Assert.Equal(speech.Audio.ToArray(), hit.Audio.ToArray());
        Assert.Equal(7, hit.BilledCharacters);
        Assert.Equal(["p"], hit.Alignment!.Characters);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("delete")]
    public async Task GetAsync_BlobDamagedOnDisk_DropsEntryAndMisses(string damage)
    {
        var key = Key("fragile");
        await using (var writer = Open())
        {
            await writer.SetAsync(key, Clip("fragile"));
        }

        var blob = BlobPath(Clip("fragile"));
        Damage(blob, damage);
        await using var cache = Open();

        var hit = await cache.GetAsync(key);

        Assert.Null(hit);
        Assert.False(File.Exists(blob));
        Assert.Equal(0, (await cache.GetStatsAsync()).Entries);
    }

    [Fact]
    public async Task GetAsync_HotHit_ServesTheSameMemoryWithoutReadingDisk()
    {
        await using var cache = Open();
        var key = Key("hot");
        await cache.SetAsync(key, Clip("hot"));
        File.Delete(BlobPath(Clip("hot")));

        var first = await cache.GetAsync(key);
        var second = await cache.GetAsync(key);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.True(MemoryMarshal.TryGetArray(first.Audio, out var a));
        Assert.True(MemoryMarshal.TryGetArray(second.Audio, out var b));
        Assert.Same(a.Array, b.Array);
    }

    [Fact]
    public async Task PruneAsync_OverLimit_EvictsLeastRecentlyHitFirst()
    {
        await using var cache = Open();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await cache.SetAsync(Key(name), Clip(name));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        await cache.GetAsync(Key("a"));
        var result = await cache.PruneAsync(2 * Clip("a").Audio.Length);

        Assert.Equal((1, Clip("b").Audio.Length), (result.EntriesRemoved, result.BytesRemoved));
        Assert.Null(await cache.GetAsync(Key("b")));
        Assert.NotNull(await cache.GetAsync(Key("a")));
        Assert.NotNull(await cache.GetAsync(Key("c")));
        Assert.False(File.Exists(BlobPath(Clip("b"))));
    }

    [Fact]
    public async Task SetAsync_PastMaxBytes_EvictsOldestEntry()
    {
        await using var cache = Open(maxBytes: (Clip("a").Audio.Length * 5) / 2);

        foreach (var name in new[] { "a", "b", "c" })
        {
            await cache.SetAsync(Key(name), Clip(name));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var stats = await cache.GetStatsAsync();
        Assert.Equal(2, stats.Entries);
        Assert.Null(await cache.GetAsync(Key("a")));
    }

    [Fact]
    public async Task SetAsync_SameKeyAgain_ReplacesTakeAndDeletesOldBlob()
    {
        await using var cache = Open();
        await cache.SetAsync(Key("line"), Clip("take one"));

        await cache.SetAsync(Key("line"), Clip("take two"));

        Assert.Equal(Clip("take two").Audio.ToArray(), (await cache.GetAsync(Key("line")))!.Audio.ToArray());
        Assert.False(File.Exists(BlobPath(Clip("take one"))));
        Assert.Equal(1, (await cache.GetStatsAsync()).Entries);
    }

    [Fact]
    public async Task SetAsync_SameAudioUnderTwoKeys_StoresOneBlobCountedOnce()
    {
        await using var cache = Open();
        await cache.SetAsync(Key("one"), Clip("shared"));
        await cache.SetAsync(Key("two"), Clip("shared"));

        var stats = await cache.GetStatsAsync();
        var files = Directory.GetFiles(Path.Combine(_directory.Path, "blobs"));
        var pruned = await cache.PruneAsync(Clip("shared").Audio.Length - 1);

        Assert.Equal((2, Clip("shared").Audio.Length), (stats.Entries, stats.Bytes));
        Assert.Equal([BlobPath(Clip("shared"))], files);
        Assert.Equal(new SpeechCachePruneResult(2, Clip("shared").Audio.Length, 0), pruned);
        Assert.False(File.Exists(BlobPath(Clip("shared"))));
    }

    [Fact]
    public async Task GetStatsAsync_RecordedOutcomes_AreCountedAndSurviveRestart()
    {
        await using (var cache = Open())
        {
            await cache.SetAsync(Key("x"), Clip("x"));
            await cache.RecordAsync(SpeechCacheStatus.Miss, 0);
            await cache.RecordAsync(SpeechCacheStatus.Hit, 10);
            await cache.RecordAsync(SpeechCacheStatus.Hit, 10);
            await cache.RecordAsync(SpeechCacheStatus.Coalesced, 4);
            await cache.RecordAsync(SpeechCacheStatus.Bypass, 0);
        }

        await using var reopened = Open();
        var stats = await reopened.GetStatsAsync();

        Assert.Equal(new SpeechCacheStats(1, Clip("x").Audio.Length, Hits: 2, Misses: 1, Coalesced: 1, Bypassed: 1, CreditsSaved: 24), stats);
    }

    [Fact]
    public async Task VerifyAsync_DamagedBlobsAndStaleLeftovers_AreRemovedAndCounted()
    {
        await using var cache = Open();
        foreach (var name in new[] { "good", "flipped", "missing" })
        {
            await cache.SetAsync(Key(name), Clip(name));
        }

        Damage(BlobPath(Clip("flipped")), "flip");
        Damage(BlobPath(Clip("missing")), "delete");
        var staleTemp = Leftover(".dead.tmp", _time.GetUtcNow().AddHours(-1));
        var freshTemp = Leftover(".live.tmp", _time.GetUtcNow());
        var staleOrphan = Leftover(Convert.ToHexStringLower(SHA256.HashData("orphan"u8)), _time.GetUtcNow().AddHours(-1));

        var result = await cache.VerifyAsync();

        Assert.Equal(new SpeechCacheVerifyResult(EntriesChecked: 3, BadEntriesRemoved: 2, OrphansRemoved: 2), result);
        Assert.False(File.Exists(staleTemp) || File.Exists(staleOrphan));
        Assert.True(File.Exists(freshTemp));
        Assert.NotNull(await cache.GetAsync(Key("good")));
        Assert.Equal(new SpeechCacheVerifyResult(1, 0, 0), await cache.VerifyAsync());
    }

    private FileSpeechCache Open(long maxBytes = 1L << 30, long memoryMaxBytes = 64L << 20)
        => new(new SpeechCacheOptions { Directory = _directory.Path, MaxBytes = maxBytes, MemoryMaxBytes = memoryMaxBytes }, _time);

    private static SpeechCacheKey Key(string text) => SpeechCacheKey.From(new SpeechRequest(text, "voice") { Provider = "local" });

    // Same length for every name up to 16 characters, so size-based tests can count entries.
    private static CachedSpeech Clip(string name) => new(Encoding.UTF8.GetBytes(name.PadRight(16, '.') + new string('~', 1000)), "audio/mpeg");

    private string BlobPath(CachedSpeech speech)
        => Path.Combine(_directory.Path, "blobs", Convert.ToHexStringLower(SHA256.HashData(speech.Audio.Span)));

    private string Leftover(string name, DateTimeOffset written)
    {
        var path = Path.Combine(_directory.Path, "blobs", name);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, written.UtcDateTime);
        return path;
    }

    private static void Damage(string path, string how)
    {
        switch (how)
        {
            case "flip":
                var bytes = File.ReadAllBytes(path);
                bytes[bytes.Length / 2] ^= 0xFF;
                File.WriteAllBytes(path, bytes);
                break;
            case "truncate":
                File.WriteAllBytes(path, File.ReadAllBytes(path)[..^10]);
                break;
            default:
                File.Delete(path);
                break;
        }
    }
}
