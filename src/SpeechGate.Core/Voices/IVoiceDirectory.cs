namespace SpeechGate.Voices;

/// <summary>Lists and looks up a provider's voices.</summary>
public interface IVoiceDirectory
{
    /// <summary>The provider name these voices belong to.</summary>
    string Provider { get; }

    /// <summary>Every voice the account can use.</summary>
    Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken = default);

    /// <summary>One voice, or null when it does not exist (any more).</summary>
    Task<VoiceInfo?> GetVoiceAsync(string voiceId, CancellationToken cancellationToken = default);
}
