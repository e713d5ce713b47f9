using SpeechGate.Caching;
using SpeechGate.Synthesis;
using SpeechGate.Testing.Fakes;

namespace SpeechGate.Core.Tests.Caching;

/// <summary>In-flight audio follows the store's temporary file; when the store cannot take it, the caller still gets it all.</summary>
public sealed partial class CachingSpeechSynthesizerTests
{
    [Fact]
    public async Task SynthesizeAsync_ReaderStalls_UpstreamIsReadToTheEndIntoTheStoreAndTheReaderFollowsLater()
    {
        _provider.Gated = true;
        _provider.ChunkCount = 200;
        await using var audio = await _stage.SynthesizeAsync(Request).WaitAsync(HangGuard);
        await using var chunks = audio.Chunks.GetAsyncEnumerator();
        _provider.Release();
        Assert.True(await chunks.MoveNextAsync().AsTask().WaitAsync(HangGuard));
        byte[] first = [.. chunks.Current.Audio.Span];

        // The upstream runs to its end and is stored while the caller sits on its first chunk: nothing waits for it.
        _provider.ReleaseAll();
        await _stage.WhenIdleAsync().WaitAsync(HangGuard);
        var stored = await _cache.GetAsync(SpeechCacheKey.From(Request));
        byte[] all = [.. first, .. await RestAsync(chunks)];

        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request, 200), all);
        Assert.Equal(all, stored?.Audio.ToArray());
        Assert.Equal(1, _provider.StreamsCompleted);
    }

    [Fact]
    public async Task SynthesizeAsync_WithTimestamps_WaiterGetsEachAlignmentWithExactlyItsAudio()
    {
        _provider.Gated = true;
        _provider.WithAlignment = true;
        var request = Request with { WithTimestamps = true };
        await using var leader = await _stage.SynthesizeAsync(request);
        await using var waiter = await _stage.SynthesizeAsync(request);
        var leaderRead = leader.ReadToEndAsync();

        _provider.ReleaseAll();
        var chunks = await waiter.Chunks.ToListAsync().AsTask().WaitAsync(HangGuard);
        await leaderRead.WaitAsync(HangGuard);

        Assert.Equal(SpeechCacheStatus.Coalesced, waiter.CacheStatus);
        Assert.Equal(3, chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            Assert.Equal(GatedSpeechSynthesizer.ChunkBytes(request, i), chunks[i].Audio.ToArray());
            Assert.Equal([$"c{i}"], chunks[i].Alignment!.Characters);
            Assert.Equal([$"n{i}"], chunks[i].NormalizedAlignment!.Characters);
        }
    }

    [Fact]
    public async Task SynthesizeAsync_StoreDiskFillsMidStream_CallerGetsEveryByteWaiterGetsAnErrorNothingStored()
    {
        const int chunkCount = 60;
        const int spooledChunks = 10;
        var ends = Enumerable.Range(1, chunkCount).Select(n => GatedSpeechSynthesizer.ExpectedBytes(Request, n).Length).ToList();
        var full = new FullDiskCache(_cache) { FailAfterBytes = ends[spooledChunks - 1] };
        var stage = Stage(full);
        _provider.Gated = true;
        _provider.ChunkCount = chunkCount;
        await using var leader = await stage.SynthesizeAsync(Request).WaitAsync(HangGuard);
        await using var waiter = await stage.SynthesizeAsync(Request).WaitAsync(HangGuard);
        var waiterRead = waiter.ReadAllBytesAsync();
        await using var chunks = leader.Chunks.GetAsyncEnumerator();

        // The leader reads one chunk at a time; past the spool, the upstream may only run a few chunks ahead of it.
        _provider.ReleaseAll();
        var read = new List<byte>();
        var ahead = new List<int>();
        while (await chunks.MoveNextAsync().AsTask().WaitAsync(HangGuard))
        {
            read.AddRange(chunks.Current.Audio.ToArray());
            var chunksRead = ends.Count(end => end <= read.Count);
            if (chunksRead >= spooledChunks)
            {
                ahead.Add(_provider.ChunksYielded - chunksRead);
            }
        }

        await stage.WhenIdleAsync().WaitAsync(HangGuard);
        await chunks.DisposeAsync();
        await Assert.ThrowsAsync<IOException>(() => waiterRead.WaitAsync(HangGuard));
        await waiter.DisposeAsync();

        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request, chunkCount), read.ToArray());
        Assert.Equal(chunkCount - spooledChunks + 1, ahead.Count);
        Assert.All(ahead, a => Assert.InRange(a, 0, InFlightSpeech.TailCapacity + 2));
        Assert.Equal(0, (await _cache.GetStatsAsync()).Entries);
        Assert.Empty(Directory.GetFiles(Path.Combine(_directory.Path, "blobs")));
        Assert.Equal(1, _provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_StoreCannotCreateItsFile_CallerGetsEveryByteAndNextRequestPaysAgain()
    {
        var stage = Stage(new FullDiskCache(_cache) { FailAfterBytes = -1 });

        var (first, bytes) = await SynthesizeAndReadAsync(Request, stage);
        await stage.WhenIdleAsync().WaitAsync(HangGuard);
        var (second, _) = await SynthesizeAndReadAsync(Request, stage);

        Assert.Equal(GatedSpeechSynthesizer.ExpectedBytes(Request), bytes);
        Assert.Equal((SpeechCacheStatus.Miss, SpeechCacheStatus.Miss), (first.CacheStatus, second.CacheStatus));
        Assert.Equal(2, _provider.Calls);
    }

    [Fact]
    public async Task SynthesizeAsync_StoreDiskFullAndCallerLeaves_UpstreamIsStillReadToTheEnd()
    {
        var stage = Stage(new FullDiskCache(_cache) { FailAfterBytes = 0 });
        _provider.Gated = true;
        _provider.ChunkCount = 50;
        var audio = await stage.SynthesizeAsync(Request).WaitAsync(HangGuard);
        var chunks = audio.Chunks.GetAsyncEnumerator();
        _provider.Release();
        Assert.True(await chunks.MoveNextAsync().AsTask().WaitAsync(HangGuard));

        await chunks.DisposeAsync();
        await audio.DisposeAsync();
        _provider.ReleaseAll();
        await stage.WhenIdleAsync().WaitAsync(HangGuard);

        Assert.Equal(1, _provider.StreamsCompleted);
        Assert.Equal(0, (await _cache.GetStatsAsync()).Entries);
    }

    /// <summary>A store whose disk fills up: its temporary files refuse writes past <see cref="FailAfterBytes"/> (below 0: cannot even be created).</summary>
    private sealed class FullDiskCache(FileSpeechCache inner) : ISpeechCache, ISpeechSpoolStore
    {
        public long FailAfterBytes { get; init; }

        public SpeechSpool CreateSpool()
            => FailAfterBytes < 0
                ? throw new IOException("No space left on device")
                : new FullDiskSpool(((ISpeechSpoolStore)inner).CreateSpool(), FailAfterBytes);

        public ValueTask<CachedSpeech?> GetAsync(SpeechCacheKey key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public Task SetAsync(SpeechCacheKey key, CachedSpeech speech, CancellationToken cancellationToken = default) => inner.SetAsync(key, speech, cancellationToken);

        public ValueTask RecordAsync(SpeechCacheStatus status, int creditsSaved, CancellationToken cancellationToken = default) => inner.RecordAsync(status, creditsSaved, cancellationToken);

        public Task<SpeechCacheStats> GetStatsAsync(CancellationToken cancellationToken = default) => inner.GetStatsAsync(cancellationToken);

        public Task<SpeechCachePruneResult> PruneAsync(long maxBytes, CancellationToken cancellationToken = default) => inner.PruneAsync(maxBytes, cancellationToken);

        public Task<SpeechCacheVerifyResult> VerifyAsync(CancellationToken cancellationToken = default) => inner.VerifyAsync(cancellationToken);
    }

    private sealed class FullDiskSpool(SpeechSpool file, long capacity) : SpeechSpool
    {
        private long _written;

        public override long MemoryBytes => file.MemoryBytes;

        public override async ValueTask AppendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        {
            if (_written + bytes.Length > capacity)
            {
                throw new IOException("No space left on device");
            }

            await file.AppendAsync(bytes, cancellationToken);
            _written += bytes.Length;
        }

        public override ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int count, CancellationToken cancellationToken) => file.ReadAsync(offset, count, cancellationToken);

        public override Task StoreAsync(SpeechCacheKey key, CachedSpeech described, CancellationToken cancellationToken) => file.StoreAsync(key, described, cancellationToken);

        public override void Dispose() => file.Dispose();
    }
}
