using SpeechGate.Voices;

namespace SpeechGate.Server.Tests.Fakes;

/// <summary>A fixed list of voices.</summary>
internal sealed class FakeVoiceDirectory(string provider, params VoiceInfo[] voices) : IVoiceDirectory
{
    public string Provider => provider;

    public Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<VoiceInfo>>(voices);

    public Task<VoiceInfo?> GetVoiceAsync(string voiceId, CancellationToken cancellationToken = default)
        => Task.FromResult(voices.FirstOrDefault(v => v.VoiceId == voiceId));
}
