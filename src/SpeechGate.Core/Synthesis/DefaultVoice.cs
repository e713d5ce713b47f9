using Microsoft.Extensions.Options;
using SpeechGate.Providers.ElevenLabs;

namespace SpeechGate.Synthesis;

/// <summary>The voice used when neither a request nor its script names one: the provider's own default.</summary>
/// <param name="providers">Which provider is the default.</param>
/// <param name="localVoiceId">The local engine's default voice (Core does not reference the local provider).</param>
public sealed class DefaultVoice(IOptions<SpeechProviderOptions> providers, string localVoiceId)
{
    /// <summary>The default voice of <paramref name="provider"/>, or of the default provider when null.</summary>
    public string For(string? provider)
        => (provider ?? providers.Value.Default) == SpeechProviderNames.ElevenLabs ? ElevenLabsOptions.DefaultVoiceId : localVoiceId;
}
