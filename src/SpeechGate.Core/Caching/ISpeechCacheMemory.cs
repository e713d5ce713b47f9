namespace SpeechGate.Caching;

/// <summary>A cache that keeps recently used clips in memory and can answer from there alone, without I/O.</summary>
/// <remarks>
/// For hosts with a path that must not wait (the gateway's hot-hit path): a null answer means "not in memory", not
/// "not stored"; ask <see cref="ISpeechCache.GetAsync"/> for that.
/// </remarks>
public interface ISpeechCacheMemory
{
    /// <summary>The clip when it is held in memory, marked as used just like a hit from <see cref="ISpeechCache.GetAsync"/>; otherwise null.</summary>
    CachedSpeech? GetFromMemory(SpeechCacheKey key);
}
