namespace SpeechGate.Server.Json;

/// <summary>OpenAI's <c>POST /v1/audio/speech</c> body.</summary>
internal sealed class OpenAISpeechBody
{
    public string? Model { get; init; }

    public string? Input { get; init; }

    public string? Voice { get; init; }

    public string? ResponseFormat { get; init; }

    public double? Speed { get; init; }

    public string? Instructions { get; init; }
}
