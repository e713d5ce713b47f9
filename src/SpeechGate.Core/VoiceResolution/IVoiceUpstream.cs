namespace SpeechGate.VoiceResolution;

/// <summary>The provider account's voices, as pinning and health checks need them (ElevenLabs in production).</summary>
public interface IVoiceUpstream
{
    /// <summary>The provider these voices belong to (<c>elevenlabs</c>).</summary>
    string Provider { get; }

    /// <summary>A voice in My Voices or, failing that, in the shared library; null when it exists nowhere.</summary>
    Task<UpstreamVoice?> GetVoiceAsync(string voiceId, CancellationToken cancellationToken = default);

    /// <summary>Adds a shared library voice to My Voices and returns the new, stable voice id.</summary>
    Task<string> AddSharedVoiceAsync(string publicOwnerId, string voiceId, string newName, CancellationToken cancellationToken = default);

    /// <summary>Designs a voice from a description, keeps the first preview, and returns the owned voice it creates.</summary>
    Task<UpstreamVoice> DesignVoiceAsync(string description, string name, CancellationToken cancellationToken = default);

    /// <summary>Instant voice cloning: creates an owned voice from checked samples and returns it.</summary>
    Task<UpstreamVoice> CloneVoiceAsync(VoiceCloneRequest request, CancellationToken cancellationToken = default);
}
