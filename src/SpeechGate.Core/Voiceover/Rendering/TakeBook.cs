using System.Text.Json;
using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>
/// <c>takes.json</c> in the output directory: per line, the takes kept (<c>takes/&lt;id&gt;/&lt;n&gt;.&lt;ext&gt;</c>, with
/// their alignment beside them) and the one chosen, so the next render delivers the same audio.
/// </summary>
/// <remarks>Takes belong to the line's identity (its audio-deciding requests): an edited line starts again at take 1.</remarks>
internal sealed class TakeBook
{
    public const string FileName = "takes.json";

    public SortedDictionary<string, TakeRecord> Lines { get; init; } = new(StringComparer.Ordinal);

    public static TakeBook Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return new TakeBook();
        }

        try
        {
            var lines = JsonSerializer.Deserialize<SortedDictionary<string, TakeRecord>>(File.ReadAllBytes(path), RenderJson.Options);
            return new TakeBook { Lines = new SortedDictionary<string, TakeRecord>(lines ?? [], StringComparer.Ordinal) };
        }
        catch (JsonException error)
        {
            throw new SpeechException(400, "invalid_takes", $"{path} is not a takes file: {error.Message}", error);
        }
    }

    public static string TakePath(string directory, string lineId, int take, string extension)
        => Path.Combine(directory, "takes", lineId, $"{take}.{extension}");

    public static string AlignmentPath(string directory, string lineId, int take)
        => Path.Combine(directory, "takes", lineId, $"{take}.alignment.json");

    public void Save(string directory)
        => File.WriteAllBytes(Path.Combine(directory, FileName), JsonSerializer.SerializeToUtf8Bytes(Lines, RenderJson.Options));
}

/// <summary>A line's kept takes and the chosen one.</summary>
internal sealed class TakeRecord
{
    public string Identity { get; set; } = "";

    public int Selected { get; set; } = 1;

    public List<TakeEntry> Takes { get; set; } = [];
}

/// <summary>One kept take.</summary>
internal sealed record TakeEntry(int Take, string Sha256, string? RequestId, double Credits, string VoiceId);
