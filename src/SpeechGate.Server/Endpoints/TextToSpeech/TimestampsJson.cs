using System.Text.Json;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Endpoints.TextToSpeech;

/// <summary>Writes <c>{"audio_base64","alignment","normalized_alignment"}</c>, ElevenLabs' HTTP timestamps object.</summary>
internal static class TimestampsJson
{
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> audio, CharacterAlignment? alignment, CharacterAlignment? normalized)
    {
        writer.WriteStartObject();
        writer.WriteBase64String("audio_base64", audio);
        WriteAlignment(writer, "alignment", alignment);
        WriteAlignment(writer, "normalized_alignment", normalized);
        writer.WriteEndObject();
    }

    private static void WriteAlignment(Utf8JsonWriter writer, string name, CharacterAlignment? alignment)
    {
        if (alignment is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteStartArray("characters");
        foreach (var character in alignment.Characters)
        {
            writer.WriteStringValue(character);
        }

        writer.WriteEndArray();
        WriteNumbers(writer, "character_start_times_seconds", alignment.CharacterStartTimesSeconds);
        WriteNumbers(writer, "character_end_times_seconds", alignment.CharacterEndTimesSeconds);
        writer.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter writer, string name, IReadOnlyList<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(Math.Round(value, 3));
        }

        writer.WriteEndArray();
    }
}
