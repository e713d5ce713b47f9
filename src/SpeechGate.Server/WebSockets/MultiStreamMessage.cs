using System.Text.Json;

namespace SpeechGate.Server.WebSockets;

/// <summary>
/// One client message on multi-stream-input: a stream-input message plus the context it targets and the context and
/// socket controls (<c>close_context</c>, <c>close_socket</c>).
/// </summary>
internal sealed record MultiStreamMessage(StreamInputMessage Message, string? ContextId, bool CloseContext, bool CloseSocket)
{
    /// <summary>Parses a message; throws <see cref="JsonException"/> when it is not a JSON object of the right types.</summary>
    public static MultiStreamMessage Parse(ReadOnlySpan<byte> utf8)
    {
        var message = StreamInputMessage.Parse(utf8);
        using var document = JsonDocument.Parse(utf8.ToArray());
        var root = document.RootElement;
        var contextId = root.TryGetProperty("context_id", out var id) && id.ValueKind != JsonValueKind.Null
            ? id.ValueKind == JsonValueKind.String ? id.GetString() : throw new JsonException("'context_id' must be a string.")
            : null;
        return new MultiStreamMessage(message, contextId, True(root, "close_context"), True(root, "close_socket"));
    }

    private static bool True(JsonElement root, string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
