using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>Content-addressed store of paid clips, keyed by <see cref="SpeechCacheKey"/>.</summary>
/// <remarks>
/// Implementations must be safe for concurrent use, and across processes sharing one store. They never serve audio
/// that fails its content hash: such an entry is dropped and reported as a miss. The caching stage coalesces
/// concurrent misses; the store itself only stores finished clips.
/// </remarks>
public interface ISpeechCache
{
    /// <summary>Returns the stored clip, marking it recently used, or null when there is none (or it was corrupt).</summary>
    ValueTask<CachedSpeech?> GetAsync(SpeechCacheKey key, CancellationToken cancellationToken = default);

    /// <summary>Stores a finished clip under <paramref name="key"/>, replacing any earlier take, then evicts down to the size cap.</summary>
    Task SetAsync(SpeechCacheKey key, CachedSpeech speech, CancellationToken cancellationToken = default);

    /// <summary>Counts how a request was answered; <paramref name="creditsSaved"/> is what it would have cost without the cache.</summary>
    ValueTask RecordAsync(SpeechCacheStatus status, int creditsSaved, CancellationToken cancellationToken = default);

    /// <summary>Counts entries and bytes, and the answers recorded so far.</summary>
    Task<SpeechCacheStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>Evicts the least recently hit entries until at most <paramref name="maxBytes"/> of audio remain.</summary>
    Task<SpeechCachePruneResult> PruneAsync(long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>Re-hashes every stored clip, drops entries whose audio is missing or corrupt, and removes stale leftovers.</summary>
    Task<SpeechCacheVerifyResult> VerifyAsync(CancellationToken cancellationToken = default);
}
