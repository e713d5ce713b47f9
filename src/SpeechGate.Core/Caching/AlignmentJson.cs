using System.Text.Json;
using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>Stores a clip's alignments as one JSON document in the index.</summary>
internal static class AlignmentJson
{
    public static string? Serialize(CharacterAlignment? alignment, CharacterAlignment? normalized)
        => alignment is null && normalized is null ? null : JsonSerializer.Serialize(new Stored(alignment, normalized));

    public static (CharacterAlignment? Alignment, CharacterAlignment? Normalized) Deserialize(string? json)
    {
        if (json is null)
        {
            return default;
        }

        var stored = JsonSerializer.Deserialize<Stored>(json);
        return (stored?.Alignment, stored?.NormalizedAlignment);
    }

    private sealed record Stored(CharacterAlignment? Alignment, CharacterAlignment? NormalizedAlignment);
}
