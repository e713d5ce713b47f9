using System.Runtime.InteropServices;
using SpeechGate.Caching;
using SpeechGate.Core.Tests.Storage;

namespace SpeechGate.Core.Tests.Caching;

public sealed partial class FileSpeechCacheTests
{
    [Fact]
    public async Task GetFromMemory_AfterSet_ReturnsTheClipWithoutTouchingDisk()
    {
        await using var cache = Open();
        await cache.SetAsync(Key("memory"), Clip("memory"));

        // With the blob and the index row gone, only the memory tier can still answer.
        File.Delete(BlobPath(Clip("memory")));
        SqliteFile.Execute(IndexPath, "DELETE FROM entries");
        var hit = ((ISpeechCacheMemory)cache).GetFromMemory(Key("memory"));
        var again = cache.GetFromMemory(Key("memory"));

        Assert.NotNull(hit);
        Assert.NotNull(again);
        Assert.Equal(Clip("memory").Audio.ToArray(), hit.Audio.ToArray());
        Assert.Equal("audio/mpeg", hit.MediaType);
        Assert.True(MemoryMarshal.TryGetArray(hit.Audio, out var a));
        Assert.True(MemoryMarshal.TryGetArray(again.Audio, out var b));
        Assert.Same(a.Array, b.Array);
        Assert.Null(cache.GetFromMemory(Key("never stored")));
    }

    [Fact]
    public async Task GetFromMemory_OtherInstanceOnSameDirectory_IsNullUntilGetAsyncLoadsIt()
    {
        await using var writer = Open();
        await writer.SetAsync(Key("shared"), Clip("shared"));
        await using var reader = Open();

        var before = reader.GetFromMemory(Key("shared"));
        var fromDisk = await reader.GetAsync(Key("shared"));
        var after = reader.GetFromMemory(Key("shared"));

        Assert.Null(before);
        Assert.NotNull(fromDisk);
        Assert.NotNull(after);
        Assert.Equal(Clip("shared").Audio.ToArray(), after.Audio.ToArray());
    }

    [Fact]
    public async Task GetFromMemory_MemoryTierOff_IsAlwaysNullWhileGetAsyncStillHits()
    {
        await using var cache = Open(memoryMaxBytes: 0);
        await cache.SetAsync(Key("cold"), Clip("cold"));

        var afterSet = cache.GetFromMemory(Key("cold"));
        var fromDisk = await cache.GetAsync(Key("cold"));
        var afterDiskHit = cache.GetFromMemory(Key("cold"));

        Assert.Null(afterSet);
        Assert.Equal(Clip("cold").Audio.ToArray(), fromDisk!.Audio.ToArray());
        Assert.Null(afterDiskHit);
        Assert.Equal(0, cache.MemoryBytes);
    }

    [Fact]
    public async Task GetFromMemory_Hit_CountsLikeAGetAsyncHit()
    {
        await using var cache = Open();
        await cache.SetAsync(Key("counted"), Clip("counted"));
        await cache.SetAsync(Key("fetched"), Clip("fetched"));
        _time.Advance(TimeSpan.FromMinutes(1));

        cache.GetFromMemory(Key("counted"));
        cache.GetFromMemory(Key("counted"));
        await cache.GetAsync(Key("fetched"));
        await cache.GetAsync(Key("fetched"));
        await cache.GetStatsAsync();

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal((2, now), HitsOf("counted"));
        Assert.Equal(HitsOf("fetched"), HitsOf("counted"));
    }

    [Fact]
    public async Task GetFromMemory_NotInMemory_CountsNoHit()
    {
        await using (var writer = Open())
        {
            await writer.SetAsync(Key("elsewhere"), Clip("elsewhere"));
        }

        await using var cache = Open();
        var created = HitsOf("elsewhere");
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(cache.GetFromMemory(Key("elsewhere")));
        await cache.GetStatsAsync();

        Assert.Equal(created, HitsOf("elsewhere"));
        Assert.Equal(0, created.Count);
    }

    [Fact]
    public async Task PruneAsync_AfterGetFromMemory_KeepsTheClipItServed()
    {
        await using var cache = Open();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await cache.SetAsync(Key(name), Clip(name));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.NotNull(cache.GetFromMemory(Key("a")));
        var result = await cache.PruneAsync(2 * Clip("a").Audio.Length);

        Assert.Equal((1, Clip("b").Audio.Length), (result.EntriesRemoved, result.BytesRemoved));
        Assert.Null(await cache.GetAsync(Key("b")));
        Assert.NotNull(await cache.GetAsync(Key("a")));
    }

    private string IndexPath => Path.Combine(_directory.Path, "index.db");

    private (long Count, long LastHitMs) HitsOf(string name)
    {
        var key = Key(name).Value;
        return (SqliteFile.Scalar(IndexPath, $"SELECT hit_count FROM entries WHERE key = '{key}'"),
                SqliteFile.Scalar(IndexPath, $"SELECT last_hit FROM entries WHERE key = '{key}'"));
    }
}
