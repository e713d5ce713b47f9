using SpeechGate.Synthesis;

namespace SpeechGate.Metering;

/// <summary>One answered request: who asked, what it was, and what it cost.</summary>
public sealed record UsageRecord
{
    /// <summary>When the answer started.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gateway key id (or null for an unauthenticated local call).</summary>
    public string? AccountId { get; init; }

    /// <summary>Project tag.</summary>
    public string? Project { get; init; }

    /// <summary>Script line id.</summary>
    public string? LineId { get; init; }

    /// <summary>Provider that answered.</summary>
    public required string Provider { get; init; }

    /// <summary>Voice that spoke (after alias resolution and fallbacks).</summary>
    public required string VoiceId { get; init; }

    /// <summary>Model id.</summary>
    public string? ModelId { get; init; }

    /// <summary>Billable characters of the text.</summary>
    public int Characters { get; init; }

    /// <summary>Credits the provider billed for this request (0 for cache hits and free providers).</summary>
    public long Credits { get; init; }

    /// <summary>Credits estimated before the call, i.e. what a hit saved.</summary>
    public long EstimatedCredits { get; init; }

    /// <summary>The provider's request id.</summary>
    public string? RequestId { get; init; }

    /// <summary>How the cache answered.</summary>
    public SpeechCacheStatus CacheStatus { get; init; }

    /// <summary>Audio identity (the cache key), when known.</summary>
    public string? AudioKey { get; init; }

    /// <summary>Paid for a new take of a script line that already had audio with a different key.</summary>
    public bool Regeneration { get; init; }

    /// <summary>Paid again for audio identical to an earlier purchase (a cache bypass).</summary>
    public bool Rebuy { get; init; }

    /// <summary>
    /// How many answers the row stands for: 1, except where a batching ledger folded free answers (cache hits) that
    /// differ only in <see cref="Time"/> into one row, timed at the first of them.
    /// </summary>
    public int Answers { get; init; } = 1;
}
