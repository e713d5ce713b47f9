using Microsoft.Extensions.Options;
using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Hosting;

/// <summary>Local by default; ElevenLabs once a key is configured, unless <c>Providers:Default</c> says otherwise.</summary>
internal static class ProviderSelection
{
    public static void Apply(SpeechProviderOptions options, IConfiguration configuration, IOptions<ElevenLabsOptions> elevenLabs)
    {
        if (string.IsNullOrEmpty(configuration[$"{SpeechProviderOptions.SectionName}:{nameof(SpeechProviderOptions.Default)}"])
            && !string.IsNullOrEmpty(elevenLabs.Value.ApiKey))
        {
            options.Default = ElevenLabsServiceCollectionExtensions.ProviderName;
        }
    }
}
