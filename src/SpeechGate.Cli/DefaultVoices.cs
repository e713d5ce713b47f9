using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpeechGate.Synthesis;

namespace SpeechGate.Cli;

/// <summary>The voice a command uses when none is given: <c>Cli:DefaultVoice</c>, else the provider's own default.</summary>
internal static class DefaultVoices
{
    public static string For(IServiceProvider services, string? provider)
    {
        var configured = services.GetService<IConfiguration>()?["Cli:DefaultVoice"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var name = provider ?? services.GetRequiredService<IOptions<SpeechProviderOptions>>().Value.Default;
        return name == SpeechProviderNames.ElevenLabs ? Providers.ElevenLabs.ElevenLabsOptions.DefaultVoiceId : LocalDefaultVoiceId;
    }

    private static string LocalDefaultVoiceId => Providers.Local.LocalVoices.DefaultVoiceId;
}
