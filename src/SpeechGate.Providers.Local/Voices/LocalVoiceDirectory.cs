using SpeechGate.Voices;

namespace SpeechGate.Providers.Local.Voices;

/// <summary>Lists the local engine's voices: one per eSpeak NG language, category <c>premade</c>.</summary>
internal sealed class LocalVoiceDirectory(LocalVoiceCatalog catalog) : IVoiceDirectory
{
    public string Provider => LocalVoices.ProviderName;

    public async Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken = default)
        => [.. (await catalog.ListAsync(cancellationToken).ConfigureAwait(false)).Select(voice => voice.Info)];

    public async Task<VoiceInfo?> GetVoiceAsync(string voiceId, CancellationToken cancellationToken = default)
        => (await catalog.FindAsync(voiceId, cancellationToken).ConfigureAwait(false))?.Info;
}
