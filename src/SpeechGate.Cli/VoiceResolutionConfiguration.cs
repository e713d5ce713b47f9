using Microsoft.Extensions.Configuration;
using SpeechGate.Hosting;
using SpeechGate.Providers.Local;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Cli;

/// <summary>Binds <see cref="VoiceResolutionOptions"/>: section <c>Voices</c>, and <c>SPEECHGATE_MODE=dev</c> for dev mode.</summary>
internal static class VoiceResolutionConfiguration
{
    public static void Bind(IConfiguration configuration, VoiceResolutionOptions options)
    {
        configuration.GetSection(VoiceResolutionOptions.SectionName).Bind(options);
        options.Mode ??= configuration["Mode"];
        options.DevDefaultVoiceId ??= LocalVoices.DefaultVoiceId;
        options.RecentVoicesFile ??= Path.Combine(SpeechGatePaths.DataDirectory, "voices-recent.json");
    }
}
