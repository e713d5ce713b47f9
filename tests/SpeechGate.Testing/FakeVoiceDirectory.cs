using SpeechGate.Voices;

namespace SpeechGate.Testing;

/// <summary>A voice directory over a fixed, editable list.</summary>
public sealed class FakeVoiceDirectory(string provider, params VoiceInfo[] voices) : IVoiceDirectory
{
    public string Provider { get; } = provider;

    public List<VoiceInfo> Voices { get; } = [.. voices];

    public Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<VoiceInfo>>([.. Voices]);

    public Task<VoiceInfo?> GetVoiceAsync(string voiceId, CancellationToken cancellationToken = default)
        => Task.FromResult(Voices.FirstOrDefault(v => v.VoiceId == voiceId));
}
