using System.Net.WebSockets;

namespace SpeechGate.Server.WebSockets;

/// <summary>How a stream-input session ends: normally (final message, close 1000) or with an error message and close code.</summary>
internal sealed record StreamInputOutcome(WebSocketCloseStatus CloseStatus, string? Error = null, string? Message = null, bool ByClient = false)
{
    public static readonly StreamInputOutcome Completed = new(WebSocketCloseStatus.NormalClosure);

    public static readonly StreamInputOutcome ClientClosed = new(WebSocketCloseStatus.NormalClosure, ByClient: true);

    public bool IsError => Error is not null;

    public static StreamInputOutcome PolicyViolation(string error, string message) => new(WebSocketCloseStatus.PolicyViolation, error, message);

    public static StreamInputOutcome InternalError(string error, string message) => new(WebSocketCloseStatus.InternalServerError, error, message);
}
