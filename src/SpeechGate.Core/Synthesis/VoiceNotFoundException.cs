namespace SpeechGate.Synthesis;

/// <summary>No provider knows the voice (or alias) the request names; nothing was spent.</summary>
/// <remarks>The gateway answers 404; the CLI exits 2. A voice fallback may take over before any audio byte.</remarks>
public sealed class VoiceNotFoundException : SpeechException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="voiceId">The voice id or alias requested.</param>
    /// <param name="message">The message for the caller.</param>
    /// <param name="status"><c>voice_not_found</c>, or <c>unknown_voice_alias</c> for a name neither voices.yaml nor the account knows.</param>
    public VoiceNotFoundException(string voiceId, string message, string status = "voice_not_found")
        : base(404, status, message)
    {
        VoiceId = voiceId;
        Param = "voice_id";
    }

    /// <summary>The voice id or alias requested.</summary>
    public string VoiceId { get; }
}
