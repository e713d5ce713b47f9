namespace SpeechGate.Caching;

/// <summary>What the cache holds and how it has answered (<c>speechgate cache stats</c>).</summary>
/// <param name="Entries">Stored keys.</param>
/// <param name="Bytes">Bytes of stored audio; a clip shared by several keys counts once.</param>
/// <param name="Hits">Requests answered from the store.</param>
/// <param name="Misses">Requests that paid for a new clip.</param>
/// <param name="Coalesced">Requests that shared an identical in-flight request's upstream call.</param>
/// <param name="Bypassed">Requests that asked for a fresh take.</param>
/// <param name="CreditsSaved">Credits the hits and coalesced requests would have cost.</param>
public sealed record SpeechCacheStats(long Entries, long Bytes, long Hits, long Misses, long Coalesced, long Bypassed, long CreditsSaved);
