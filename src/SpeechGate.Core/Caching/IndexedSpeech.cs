namespace SpeechGate.Caching;

/// <summary>One row of the cache index: where a key's audio is and what the paid call said about it.</summary>
internal sealed record IndexedSpeech(string Key, string BlobHash, string MediaType, long Size)
{
    public string? RequestId { get; init; }

    public string? HistoryItemId { get; init; }

    public int BilledCharacters { get; init; }

    public string? AlignmentJson { get; init; }

    public long CreatedMs { get; init; }

    public long LastHitMs { get; init; }

    public long HitCount { get; init; }
}
