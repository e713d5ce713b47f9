using System.Text.Json.Nodes;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Plausible per-character timings: every character gets an equal share of the clip, in seconds from its start.</summary>
internal static class FakeAlignment
{
    public static string[] Characters(string text) => [.. text.EnumerateRunes().Select(r => r.ToString())];

    public static JsonNode? Build(string[] characters, int from, int to, double secondsPerCharacter)
    {
        if (to <= from)
        {
            return null;
        }

        var chars = new JsonArray();
        var starts = new JsonArray();
        var ends = new JsonArray();
        for (var i = from; i < to; i++)
        {
            chars.Add(characters[i]);
            starts.Add(Math.Round(i * secondsPerCharacter, 3));
            ends.Add(Math.Round((i + 1) * secondsPerCharacter, 3));
        }

        return new JsonObject
        {
            ["characters"] = chars,
            ["character_start_times_seconds"] = starts,
            ["character_end_times_seconds"] = ends,
        };
    }
}
