using System.Text.Json;

namespace SpeechGate.Server.Json;

/// <summary>OpenAI's <c>POST /v1/audio/speech</c> body.</summary>
internal sealed class OpenAISpeechBody
{
    public string? Model { get; init; }

    public string? Input { get; init; }

    /// <summary>A voice name or id, or the object form <c>{"id": "…"}</c> (openai 7.x).</summary>
    public JsonElement? Voice { get; init; }

    public string? ResponseFormat { get; init; }

    public double? Speed { get; init; }

    public string? Instructions { get; init; }

    /// <summary><c>audio</c> (default) or <c>sse</c>.</summary>
    public string? StreamFormat { get; init; }
}
