using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>A stored clip and what the provider said about it when it was paid for.</summary>
/// <param name="Audio">The whole clip. Served as is: callers must not write to the memory behind it.</param>
/// <param name="MediaType">The Content-Type it was produced with.</param>
public sealed record CachedSpeech(ReadOnlyMemory<byte> Audio, string MediaType)
{
    /// <summary>The provider's request id of the paid call.</summary>
    public string? RequestId { get; init; }

    /// <summary>The provider's history item id of the paid call.</summary>
    public string? HistoryItemId { get; init; }

    /// <summary>What the paid call cost; a hit saves this much.</summary>
    public int BilledCharacters { get; init; }

    /// <summary>Alignment of the original text, for requests made with timestamps.</summary>
    public CharacterAlignment? Alignment { get; init; }

    /// <summary>Alignment of the normalised text, for requests made with timestamps.</summary>
    public CharacterAlignment? NormalizedAlignment { get; init; }

    /// <summary>When it was stored.</summary>
    public DateTimeOffset Created { get; init; }
}
