namespace SpeechGate.Caching;

/// <summary>What <see cref="ISpeechCache.PruneAsync"/> removed (<c>speechgate cache prune</c>).</summary>
/// <param name="EntriesRemoved">Keys evicted, least recently hit first.</param>
/// <param name="BytesRemoved">Bytes of audio freed.</param>
/// <param name="BytesRemaining">Bytes of audio still stored.</param>
public sealed record SpeechCachePruneResult(long EntriesRemoved, long BytesRemoved, long BytesRemaining);
