using SpeechGate.Synthesis;

namespace SpeechGate.Server.WebSockets;

/// <summary>Server messages of multi-stream-input: stream-input's, tagged with the <c>contextId</c> they belong to.</summary>
internal static class MultiStreamReplies
{
    public static byte[] Audio(AudioChunk chunk, double chunkStartSeconds, string contextId) => StreamInputReplies.Write(writer =>
    {
        writer.WriteBase64String("audio", chunk.Audio.Span);
        writer.WriteNull("isFinal");
        StreamInputReplies.WriteAlignment(writer, "normalizedAlignment", chunk.NormalizedAlignment, chunkStartSeconds);
        StreamInputReplies.WriteAlignment(writer, "alignment", chunk.Alignment, chunkStartSeconds);
        writer.WriteString("contextId", contextId);
    });

    public static byte[] Final(string contextId) => StreamInputReplies.Write(writer =>
    {
        writer.WriteBoolean("isFinal", true);
        writer.WriteString("contextId", contextId);
    });
}
