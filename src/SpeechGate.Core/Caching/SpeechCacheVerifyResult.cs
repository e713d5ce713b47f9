namespace SpeechGate.Caching;

/// <summary>What <see cref="ISpeechCache.VerifyAsync"/> found (<c>speechgate cache verify</c>).</summary>
/// <param name="EntriesChecked">Keys whose audio was re-hashed.</param>
/// <param name="BadEntriesRemoved">Keys dropped because their audio was missing or did not match its hash.</param>
/// <param name="OrphansRemoved">Stale files no entry points to: leftovers of interrupted writes or evictions.</param>
public sealed record SpeechCacheVerifyResult(long EntriesChecked, long BadEntriesRemoved, long OrphansRemoved);
