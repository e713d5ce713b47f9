using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechGate.Budgeting;
using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Synthesis;
using SpeechGate.Voiceover.Rendering;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IVoiceoverRenderer"/> over the speech pipeline.</summary>
public static class VoiceoverRenderingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the renderer: it plans with <see cref="SpendEstimator"/>, pays through the registered
    /// <see cref="ISpeechSynthesizer"/> pipeline and uses <see cref="IRenderAudio"/> (registered by the local provider
    /// package) to join, measure and encode. Concurrency follows the ElevenLabs plan, or the processor count locally.
    /// </summary>
    public static IServiceCollection AddVoiceoverRendering(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IVoiceoverRenderer>(sp =>
        {
            var elevenLabs = sp.GetService<IOptions<ElevenLabsOptions>>()?.Value ?? new ElevenLabsOptions();
            return new VoiceoverRenderer(
                sp.GetRequiredService<ISpeechSynthesizer>(),
                sp.GetRequiredService<SpendEstimator>(),
                sp.GetRequiredService<CreditEstimator>(),
                sp.GetRequiredService<SpeechRequestResolver>(),
                sp.GetService<ICacheProbe>(),
                sp.GetService<IRenderAudio>(),
                (provider, model) => provider != "elevenlabs" ? Environment.ProcessorCount
                    : (ElevenLabsConcurrencyDefaults.IsFastModel(model) ? elevenLabs.MaxConcurrentFastRequests : elevenLabs.MaxConcurrentRequests)
                        ?? ElevenLabsConcurrencyDefaults.For(elevenLabs.Tier, model),
                sp.GetService<ILogger<VoiceoverRenderer>>() ?? NullLogger<VoiceoverRenderer>.Instance);
        });
        return services;
    }
}
