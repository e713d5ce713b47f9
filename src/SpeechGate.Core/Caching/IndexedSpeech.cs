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

    public static IndexedSpeech From(string key, string blobHash, CachedSpeech speech, long nowMs)
        => new(key, blobHash, speech.MediaType, speech.Audio.Length)
        {
            RequestId = speech.RequestId,
            HistoryItemId = speech.HistoryItemId,
            BilledCharacters = speech.BilledCharacters,
            AlignmentJson = Caching.AlignmentJson.Serialize(speech.Alignment, speech.NormalizedAlignment),
            CreatedMs = nowMs,
            LastHitMs = nowMs,
        };

    public CachedSpeech ToSpeech(byte[] audio)
    {
        var (alignment, normalized) = Caching.AlignmentJson.Deserialize(AlignmentJson);
        return new CachedSpeech(audio, MediaType)
        {
            RequestId = RequestId,
            HistoryItemId = HistoryItemId,
            BilledCharacters = BilledCharacters,
            Alignment = alignment,
            NormalizedAlignment = normalized,
            Created = DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs),
        };
    }
}
