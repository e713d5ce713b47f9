using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SpeechGate.Providers.Local;
using SpeechGate.Providers.Local.Engine;
using SpeechGate.Providers.Local.Rendering;
using SpeechGate.Providers.Local.Voices;
using SpeechGate.Synthesis;
using SpeechGate.Voiceover.Rendering;
using SpeechGate.Voices;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the local (eSpeak NG) provider.</summary>
public static class LocalSpeechServiceCollectionExtensions
{
    /// <summary>
    /// Adds keyed <see cref="ISpeechSynthesizer"/> and <see cref="IVoiceDirectory"/> services named <c>local</c>, and
    /// <see cref="LocalSpeechOptions"/> bound to <c>Providers:Local</c>.
    /// </summary>
    public static IServiceCollection AddLocalSpeechProvider(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<LocalSpeechOptions>().BindConfiguration(LocalSpeechOptions.SectionName);
        services.TryAddSingleton<IRenderAudio, NativeRenderAudio>();
        services.TryAddSingleton(sp => new LocalVoiceCatalog(EspeakEngine.Shared, sp.GetRequiredService<IOptions<LocalSpeechOptions>>()));
        services.TryAddKeyedSingleton<ISpeechSynthesizer>(
            LocalVoices.ProviderName,
            (sp, _) => new LocalSpeechSynthesizer(EspeakEngine.Shared, sp.GetRequiredService<LocalVoiceCatalog>(), sp.GetRequiredService<IOptions<LocalSpeechOptions>>()));
        services.TryAddKeyedSingleton<IVoiceDirectory>(
            LocalVoices.ProviderName,
            (sp, _) => new LocalVoiceDirectory(sp.GetRequiredService<LocalVoiceCatalog>()));
        return services;
    }
}
