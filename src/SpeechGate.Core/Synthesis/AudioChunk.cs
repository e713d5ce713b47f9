namespace SpeechGate.Synthesis;

/// <summary>A piece of encoded audio as it arrives, with the alignment of the characters it covers, if requested.</summary>
public readonly record struct AudioChunk(ReadOnlyMemory<byte> Audio)
{
    /// <summary>Alignment of the original text covered by this chunk.</summary>
    public CharacterAlignment? Alignment { get; init; }

    /// <summary>Alignment of the normalised text covered by this chunk.</summary>
    public CharacterAlignment? NormalizedAlignment { get; init; }
}
