using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Cli;

/// <summary>Resolves services that need the ElevenLabs voice upstream, with a clear error when it is not configured.</summary>
internal static class VoiceUpstreamServices
{
    public static T Require<T>(IServiceProvider services, string action)
        where T : notnull
        => services.GetService<IVoiceUpstream>() is null
            ? throw new InvalidSpeechRequestException("provider_not_configured", $"'voices {action}' needs the ElevenLabs provider: set ELEVENLABS_API_KEY.")
            : services.GetRequiredService<T>();
}
