using SpeechGate.Caching;
using SpeechGate.Synthesis;
using SpeechGate.Testing;

namespace SpeechGate.Core.Tests.Caching;

public class CachingSpeechSynthesizerDisposeTests
{
    [Fact]
    public async Task DisposeAsync_PaidResponseStillBeingStored_WaitsForTheStore()
    {
        using var directory = new TemporaryDirectory();
        await using var files = new FileSpeechCache(new SpeechCacheOptions { Directory = directory.Path }, TimeProvider.System);
        var slow = new SlowStoreCache(files);
        var pipeline = (IAsyncDisposable)new SpeechSynthesizerBuilder(new FakeSpeechSynthesizer()).UseCache(slow).Build();

        await using (var audio = await ((ISpeechSynthesizer)pipeline).SynthesizeAsync(new SpeechRequest("store me", "v")))
        {
            await audio.ReadAllBytesAsync();
        }

        await pipeline.DisposeAsync();

        Assert.Equal(1, slow.Stored);
    }

    // Delays every store, as a slow disk would, so that the host's shutdown overtakes it unless the stage waits.
    private sealed class SlowStoreCache(ISpeechCache inner) : ISpeechCache
    {
        private int _stored;

        public int Stored => Volatile.Read(ref _stored);

        public ValueTask<CachedSpeech?> GetAsync(SpeechCacheKey key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public async Task SetAsync(SpeechCacheKey key, CachedSpeech speech, CancellationToken cancellationToken = default)
        {
            await Task.Delay(300, CancellationToken.None);
            await inner.SetAsync(key, speech, cancellationToken);
            Interlocked.Increment(ref _stored);
        }

        public ValueTask RecordAsync(SpeechCacheStatus status, int creditsSaved, CancellationToken cancellationToken = default) => inner.RecordAsync(status, creditsSaved, cancellationToken);

        public Task<SpeechCacheStats> GetStatsAsync(CancellationToken cancellationToken = default) => inner.GetStatsAsync(cancellationToken);

        public Task<SpeechCachePruneResult> PruneAsync(long maxBytes, CancellationToken cancellationToken = default) => inner.PruneAsync(maxBytes, cancellationToken);

        public Task<SpeechCacheVerifyResult> VerifyAsync(CancellationToken cancellationToken = default) => inner.VerifyAsync(cancellationToken);
    }
}
