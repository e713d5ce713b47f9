using SpeechGate.Caching;
using SpeechGate.Synthesis;
using SpeechGate.Testing.Fakes;

namespace SpeechGate.Core.Tests.Caching;

public sealed partial class CachingSpeechSynthesizerTests
{
    [Fact]
    public async Task SynthesizeAsync_HundredConcurrentIdenticalMisses_OneProviderCallAndIdenticalBytes()
    {
        _provider.Gated = true;

        // Every call returns once the upstream's headers are in, while its body is still held back.
        var audios = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => _stage.SynthesizeAsync(Request)))).WaitAsync(HangGuard);
        var reads = audios.Select(a => a.ReadAllBytesAsync()).ToList();
        _provider.ReleaseAll();
        var results = await Task.WhenAll(reads).WaitAsync(HangGuard);

        Assert.Equal(1, _provider.Calls);
        Assert.All(results, bytes => Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), bytes));
        Assert.Single(audios, a => a.CacheStatus == SpeechCacheStatus.Miss);
        Assert.Equal(99, audios.Count(a => a.CacheStatus == SpeechCacheStatus.Coalesced && a.BilledCharacters == 0));
        Assert.Equal(Request.Text.Length, audios.Sum(a => a.BilledCharacters));
    }

    [Fact]
    public async Task SynthesizeAsync_Waiter_ReceivesFirstChunkBeforeUpstreamFinishes()
    {
        _provider.Gated = true;
        await using var leader = await _stage.SynthesizeAsync(Request);
        await using var waiter = await _stage.SynthesizeAsync(Request);
        await using var leaderChunks = leader.Chunks.GetAsyncEnumerator();
        await using var waiterChunks = waiter.Chunks.GetAsyncEnumerator();

        _provider.Release();
        Assert.True(await waiterChunks.MoveNextAsync().AsTask().WaitAsync(HangGuard));
        var firstChunk = waiterChunks.Current.Audio.ToArray();
        var yieldedSoFar = _provider.ChunksYielded;
        var completedSoFar = _provider.StreamsCompleted;
        _provider.ReleaseAll();

        Assert.Equal(GatedSpeechSynthesizer.ChunkBytes(Request, 0), firstChunk);
        Assert.Equal((1, 0), (yieldedSoFar, completedSoFar));
        Assert.Equal(SpeechCacheStatus.Coalesced, waiter.CacheStatus);
        byte[] waiterBytes = [.. firstChunk, .. await RestAsync(waiterChunks)];
        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), waiterBytes);
        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), await RestAsync(leaderChunks));
        Assert.Equal(1, _provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_CallerAbandonsAfterFirstChunk_RestIsStoredAndNextRequestHits()
    {
        _provider.Gated = true;
        var audio = await _stage.SynthesizeAsync(Request);
        var chunks = audio.Chunks.GetAsyncEnumerator();
        _provider.Release();
        Assert.True(await chunks.MoveNextAsync().AsTask().WaitAsync(HangGuard));

        await chunks.DisposeAsync();
        await audio.DisposeAsync();
        _provider.ReleaseAll();
        await _stage.WhenIdleAsync().WaitAsync(HangGuard);
        var (next, bytes) = await SynthesizeAndReadAsync(Request);

        Assert.Equal(SpeechCacheStatus.Hit, next.CacheStatus);
        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), bytes);
        Assert.Equal(1, _provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_CallerCancelsMidStream_RestIsStoredAndNextRequestHits()
    {
        _provider.Gated = true;
        using var disconnect = new CancellationTokenSource();
        await using var audio = await _stage.SynthesizeAsync(Request, disconnect.Token);
        var read = audio.ReadAllBytesAsync(disconnect.Token);
        _provider.Release();

        await disconnect.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(HangGuard));
        _provider.ReleaseAll();
        await _stage.WhenIdleAsync().WaitAsync(HangGuard);
        var (next, bytes) = await SynthesizeAndReadAsync(Request);

        Assert.Equal(SpeechCacheStatus.Hit, next.CacheStatus);
        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), bytes);
        Assert.Equal(1, _provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_LeaderFailsMidStream_WaitersGetTheErrorAndNextRequestCallsAgain()
    {
        _provider.Gated = true;
        _provider.FailAtChunk = 1;
        await using var leader = await _stage.SynthesizeAsync(Request);
        await using var waiter = await _stage.SynthesizeAsync(Request);
        var reads = new[] { leader.ReadAllBytesAsync(), waiter.ReadAllBytesAsync() };

        _provider.ReleaseAll();
        var errors = await Task.WhenAll(reads.Select(r => Assert.ThrowsAsync<IOException>(() => r.WaitAsync(HangGuard))));
        await _stage.WhenIdleAsync().WaitAsync(HangGuard);
        _provider.FailAtChunk = null;
        var (retry, bytes) = await SynthesizeAndReadAsync(Request);

        Assert.Same(errors[0], errors[1]);
        Assert.Equal(SpeechCacheStatus.Coalesced, waiter.CacheStatus);
        Assert.Equal(SpeechCacheStatus.Miss, retry.CacheStatus);
        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), bytes);
        Assert.Equal(2, _provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_RequestsAfterFlightCompletes_AreAnsweredWithoutAnotherCall()
    {
        var sequential = new List<SpeechCacheStatus>();
        for (var i = 0; i < 5; i++)
        {
            var (audio, bytes) = await SynthesizeAndReadAsync(Request);
            Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), bytes);
            sequential.Add(audio.CacheStatus);
        }

        // Whether a request lands before or after the store finishes, it never pays again.
        Assert.Equal(1, _provider.Calls);
        Assert.Equal(SpeechCacheStatus.Miss, sequential[0]);
        Assert.All(sequential.Skip(1), s => Assert.Contains(s, new[] { SpeechCacheStatus.Hit, SpeechCacheStatus.Coalesced }));
    }

    [Fact]
    public async Task SynthesizeAsync_FlightFinishesBetweenLookupAndClaim_AnswersFromStoreWithoutAnotherCall()
    {
        var cache = new InterleavingCache(_cache);
        var stage = Stage(cache);

        // While the second request sits between its store lookup and claiming the flight, a first one runs start to end.
        cache.AfterNextMiss = async () =>
        {
            await SynthesizeAndReadAsync(Request, stage);
            await stage.WhenIdleAsync();
        };
        var (late, bytes) = await SynthesizeAndReadAsync(Request, stage);

        Assert.Equal(1, _provider.Calls);
        Assert.Equal(SpeechCacheStatus.Hit, late.CacheStatus);
        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), bytes);
    }

    private static async Task<byte[]> RestAsync(IAsyncEnumerator<AudioChunk> chunks)
    {
        var rest = new List<byte>();
        while (await chunks.MoveNextAsync().AsTask().WaitAsync(HangGuard))
        {
            rest.AddRange(chunks.Current.Audio.ToArray());
        }

        return [.. rest];
    }

    /// <summary>Runs <see cref="AfterNextMiss"/> once, after a lookup has missed and before its caller sees the miss.</summary>
    private sealed class InterleavingCache(ISpeechCache inner) : ISpeechCache
    {
        public Func<Task>? AfterNextMiss { get; set; }

        public async ValueTask<CachedSpeech?> GetAsync(SpeechCacheKey key, CancellationToken cancellationToken = default)
        {
            var found = await inner.GetAsync(key, cancellationToken);
            if (found is null && AfterNextMiss is { } interleave)
            {
                AfterNextMiss = null;
                await interleave();
            }

            return found;
        }

        public Task SetAsync(SpeechCacheKey key, CachedSpeech speech, CancellationToken cancellationToken = default) => inner.SetAsync(key, speech, cancellationToken);

        public ValueTask RecordAsync(SpeechCacheStatus status, int creditsSaved, CancellationToken cancellationToken = default) => inner.RecordAsync(status, creditsSaved, cancellationToken);

        public Task<SpeechCacheStats> GetStatsAsync(CancellationToken cancellationToken = default) => inner.GetStatsAsync(cancellationToken);

        public Task<SpeechCachePruneResult> PruneAsync(long maxBytes, CancellationToken cancellationToken = default) => inner.PruneAsync(maxBytes, cancellationToken);

        public Task<SpeechCacheVerifyResult> VerifyAsync(CancellationToken cancellationToken = default) => inner.VerifyAsync(cancellationToken);
    }
}
