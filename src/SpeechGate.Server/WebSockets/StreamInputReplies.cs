using System.Text.Json;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.WebSockets;

/// <summary>Server messages of stream-input: audio with camelCase, chunk-relative, millisecond alignment; final; error.</summary>
internal static class StreamInputReplies
{
    public static byte[] Audio(AudioChunk chunk, double chunkStartSeconds) => Write(writer =>
    {
        writer.WriteBase64String("audio", chunk.Audio.Span);
        writer.WriteNull("isFinal");
        WriteAlignment(writer, "normalizedAlignment", chunk.NormalizedAlignment, chunkStartSeconds);
        WriteAlignment(writer, "alignment", chunk.Alignment, chunkStartSeconds);
    });

    public static byte[] Final() => Write(writer => writer.WriteBoolean("isFinal", true));

    public static byte[] Error(string message, string error, int code) => Write(writer =>
    {
        writer.WriteString("message", message);
        writer.WriteString("error", error);
        writer.WriteNumber("code", code);
    });

    public static void WriteAlignment(Utf8JsonWriter writer, string name, CharacterAlignment? alignment, double offsetSeconds)
    {
        if (alignment is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteStartArray("chars");
        foreach (var character in alignment.Characters)
        {
            writer.WriteStringValue(character);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("charStartTimesMs");
        for (var i = 0; i < alignment.CharacterStartTimesSeconds.Count; i++)
        {
            writer.WriteNumberValue(Milliseconds(alignment.CharacterStartTimesSeconds[i] - offsetSeconds));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("charDurationsMs");
        for (var i = 0; i < alignment.CharacterStartTimesSeconds.Count; i++)
        {
            writer.WriteNumberValue(Milliseconds(alignment.CharacterEndTimesSeconds[i] - alignment.CharacterStartTimesSeconds[i]));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static int Milliseconds(double seconds) => Math.Max(0, (int)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero));

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
