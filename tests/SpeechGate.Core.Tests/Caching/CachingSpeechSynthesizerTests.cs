using SpeechGate.Caching;
using SpeechGate.Synthesis;
using SpeechGate.Testing;
using SpeechGate.Testing.Fakes;

namespace SpeechGate.Core.Tests.Caching;

public sealed partial class CachingSpeechSynthesizerTests : IAsyncLifetime
{
    // Guards against hangs only; no test asserts how long anything takes.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static readonly SpeechRequest Request = new("Never pay twice.", "voice-a") { Provider = "elevenlabs" };

    private readonly TemporaryDirectory _directory = new();
    private readonly GatedSpeechSynthesizer _provider = new() { Gated = false };
    private FileSpeechCache _cache = null!;
    private CachingSpeechSynthesizer _stage = null!;

    public Task InitializeAsync()
    {
        _cache = OpenCache();
        _stage = Stage(_cache);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _provider.ReleaseAll();
        await _stage.WhenIdleAsync().WaitAsync(HangGuard);
        await _cache.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task SynthesizeAsync_SameRequestTwice_CallsProviderOnce()
    {
        var (first, firstBytes) = await SynthesizeAndReadAsync(Request);
        await _stage.WhenIdleAsync();

        var (second, secondBytes) = await SynthesizeAndReadAsync(Request);

        Assert.Equal(1, _provider.Calls);
        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), firstBytes);
        Assert.Equal(firstBytes, secondBytes);
        Assert.Equal((SpeechCacheStatus.Miss, Request.Text.Length), (first.CacheStatus, first.BilledCharacters));
        Assert.Equal((SpeechCacheStatus.Hit, 0), (second.CacheStatus, second.BilledCharacters));
        Assert.Equal(("gated-1", "history-1"), (second.RequestId, second.HistoryItemId));
        Assert.Equal(SpeechCacheKey.From(Request).Value, second.CacheKey);
        Assert.Equal(first.CacheKey, second.CacheKey);
    }

    [Fact]
    public async Task SynthesizeAsync_OtherAccountPays_StillHits()
    {
        await SynthesizeAndReadAsync(Request with { AccountId = "key-1", Project = "a" });
        await _stage.WhenIdleAsync();

        var (audio, _) = await SynthesizeAndReadAsync(Request with { AccountId = "key-2", Project = "b" });

        Assert.Equal(SpeechCacheStatus.Hit, audio.CacheStatus);
        Assert.Equal(1, _provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_Hit_CountsCreditsSaved()
    {
        await SynthesizeAndReadAsync(Request);
        await _stage.WhenIdleAsync();
        await SynthesizeAndReadAsync(Request);

        var stats = await _cache.GetStatsAsync();

        Assert.Equal((1L, 1L, 0L, (long)Request.Text.Length), (stats.Hits, stats.Misses, stats.Coalesced, stats.CreditsSaved));
    }

    [Fact]
    public async Task SynthesizeAsync_WithTimestamps_StoresAndReturnsAlignment()
    {
        _provider.WithAlignment = true;
        var request = Request with { WithTimestamps = true };
        await using (var miss = await _stage.SynthesizeAsync(request))
        {
            await miss.ReadToEndAsync();
        }

        await _stage.WhenIdleAsync();

        await using var hit = await _stage.SynthesizeAsync(request);
        var clip = await hit.ReadToEndAsync();

        Assert.Equal(SpeechCacheStatus.Hit, hit.CacheStatus);
        Assert.Equal(["c0", "c1", "c2"], clip.Alignment!.Characters);
        Assert.Equal(["n0", "n1", "n2"], clip.NormalizedAlignment!.Characters);
        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(request), clip.Audio.ToArray());
    }

    [Fact]
    public async Task SynthesizeAsync_BypassCache_BuysAndStoresAFreshTake()
    {
        await SynthesizeAndReadAsync(Request);
        await _stage.WhenIdleAsync();

        var (bypass, _) = await SynthesizeAndReadAsync(Request with { BypassCache = true });
        await _stage.WhenIdleAsync();
        var (after, _) = await SynthesizeAndReadAsync(Request);

        Assert.Equal((SpeechCacheStatus.Bypass, Request.Text.Length, "gated-2"), (bypass.CacheStatus, bypass.BilledCharacters, bypass.RequestId));
        Assert.Equal((SpeechCacheStatus.Hit, "gated-2"), (after.CacheStatus, after.RequestId));
        Assert.Equal(2, _provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_ProviderFailsBeforeAudio_ThrowsAndRetryCallsAgain()
    {
        _provider.FailOnStart = SpeechException.VoiceNotFound("voice-a");

        var error = await Assert.ThrowsAsync<VoiceNotFoundException>(() => _stage.SynthesizeAsync(Request));
        await _stage.WhenIdleAsync();
        _provider.FailOnStart = null;
        var (retry, bytes) = await SynthesizeAndReadAsync(Request);

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(SpeechCacheStatus.Miss, retry.CacheStatus);
        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), bytes);
        Assert.Equal(2, _provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_UpstreamThrowsMidStream_StoresNothingAndRetryCallsAgain()
    {
        _provider.FailAtChunk = 1;

        await using var audio = await _stage.SynthesizeAsync(Request);
        await Assert.ThrowsAsync<IOException>(() => audio.ReadAllBytesAsync());
        await _stage.WhenIdleAsync();
        var entries = (await _cache.GetStatsAsync()).Entries;
        _provider.FailAtChunk = null;
        var (retry, bytes) = await SynthesizeAndReadAsync(Request);

        Assert.Equal(0, entries);
        Assert.Equal(SpeechCacheStatus.Miss, retry.CacheStatus);
        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), bytes);
        Assert.Equal(2, _provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_UpstreamCancelsItself_StoresNothing()
    {
        var provider = new FakeSpeechSynthesizer { OnSynthesize = (request, _) => Task.FromResult(new SpeechAudio("audio/mpeg", CancelledAfterOneChunk())) };
        var stage = Stage(_cache, provider);

        await using var audio = await stage.SynthesizeAsync(Request);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => audio.ReadAllBytesAsync());
        await stage.WhenIdleAsync();

        Assert.Equal(0, (await _cache.GetStatsAsync()).Entries);
        Assert.Null(await _cache.GetAsync(SpeechCacheKey.From(Request)));
    }

    [Fact]
    public async Task SynthesizeAsync_CancelledBeforeStart_NeverCallsProvider()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _stage.SynthesizeAsync(Request, cancelled.Token));

        Assert.Equal(0, _provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_CorruptBlobOnDisk_IsDroppedAndRefetched()
    {
        await SynthesizeAndReadAsync(Request);
        await _stage.WhenIdleAsync();
        var blobs = Directory.GetFiles(Path.Combine(_directory.Path, "blobs"));
        await File.WriteAllBytesAsync(Assert.Single(blobs), "garbage"u8.ToArray());
        await using var reopened = OpenCache();
        var stage = Stage(reopened);

        var (refetched, bytes) = await SynthesizeAndReadAsync(Request, stage);
        await stage.WhenIdleAsync();
        var (hit, hitBytes) = await SynthesizeAndReadAsync(Request, stage);

        Assert.Equal(SpeechCacheStatus.Miss, refetched.CacheStatus);
        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), bytes);
        Assert.Equal(SpeechCacheStatus.Hit, hit.CacheStatus);
        Assert.Equal(bytes, hitBytes);
        Assert.Equal(2, _provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_StoreLookupThrows_AnswersAsAMiss()
    {
        var cache = new InterleavingCache(_cache) { AfterNextMiss = () => throw new IOException("The cache disk is gone.") };

        var (audio, bytes) = await SynthesizeAndReadAsync(Request, Stage(cache));

        Assert.Equal(SpeechCacheStatus.Miss, audio.CacheStatus);
        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), bytes);
    }

    private FileSpeechCache OpenCache() => new(new SpeechCacheOptions { Directory = _directory.Path });

    private CachingSpeechSynthesizer Stage(ISpeechCache cache, ISpeechSynthesizer? provider = null)
        => (CachingSpeechSynthesizer)new SpeechSynthesizerBuilder(provider ?? _provider).UseCache(cache).Build();

    private async Task<(SpeechAudio Audio, byte[] Bytes)> SynthesizeAndReadAsync(SpeechRequest request, ISpeechSynthesizer? stage = null)
    {
        var audio = await (stage ?? _stage).SynthesizeAsync(request).WaitAsync(HangGuard);
        await using (audio)
        {
            return (audio, await audio.ReadAllBytesAsync().WaitAsync(HangGuard));
        }
    }

    private static async IAsyncEnumerable<AudioChunk> CancelledAfterOneChunk()
    {
        await Task.Yield();
        yield return new AudioChunk(new byte[] { 1, 2, 3 });
        throw new TaskCanceledException("The upstream request timed out.");
    }
}
