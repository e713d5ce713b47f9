using SpeechGate.Synthesis;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Upstream WebSocket error messages (<c>{"message","error","code"}</c>) as the HTTP API's statuses.</summary>
internal static class ElevenLabsRealtimeErrors
{
    // UNVERIFIED: the error strings upstream's WebSocket sends; these are the HTTP API's codes (§10) with their statuses.
    public static SpeechException From(string error, string message) => error switch
    {
        "quota_exceeded" or "invalid_api_key" or "needs_authorization" => new ElevenLabsException(401, error, message),
        "voice_not_found" => new ElevenLabsException(404, error, message),
        "model_not_found" or "max_character_limit_exceeded" or "invalid_input_message" => new ElevenLabsException(400, error, message),
        "input_timeout_exceeded" => new ElevenLabsException(408, error, message),
        _ => new ElevenLabsException(502, error, message),
    };
}
