using SpeechGate.Caching;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Caching;

public sealed class SpeechCacheActivityTests
{
    // Issue 11, finding 9: every graceful shutdown logged an ObjectDisposedException, because the flush timer's last
    // callback could run after the cache (and the statistics' gate) had been disposed. A flush after dispose must
    // still write what was gathered.
    [Fact]
    public async Task FlushAsync_AfterDispose_WritesTheCountersInsteadOfThrowing()
    {
        using var directory = new TemporaryDirectory();
        var activity = new SpeechCacheActivity(new SqliteCacheDatabase(Path.Combine(directory.Path, "index.db")));
        activity.Count(SpeechCacheStatus.Hit, 7);

        activity.Dispose();
        await activity.FlushAsync();

        var counters = await activity.ReadCountersAsync(CancellationToken.None);
        Assert.Equal(new long[] { 1, 0, 0, 0, 7 }, counters);
    }
}
