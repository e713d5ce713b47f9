namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>Body of <c>POST /v1/text-to-voice</c>: keeps a designed preview as an account voice.</summary>
/// <param name="VoiceName">Name of the new voice.</param>
/// <param name="VoiceDescription">Its description.</param>
/// <param name="GeneratedVoiceId">The chosen preview's id.</param>
public sealed record ElevenLabsCreateVoiceRequest(string VoiceName, string VoiceDescription, string GeneratedVoiceId)
{
    /// <summary>Optional labels.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
