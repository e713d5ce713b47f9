using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers voice aliases, pins, health checks and the voice resolution stage.</summary>
public static class VoiceResolutionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="VoiceConfigurationStore"/>, <see cref="RecentVoiceLog"/> and, when an <see cref="IVoiceUpstream"/>
    /// is registered, <see cref="VoicePinner"/>, <see cref="VoiceHealthChecker"/> and <see cref="VoiceHealthMonitor"/>.
    /// </summary>
    public static IServiceCollection AddVoiceResolution(this IServiceCollection services, Action<VoiceResolutionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<VoiceResolutionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VoiceConfigurationStore>();
        services.TryAddSingleton<RecentVoiceLog>();
        services.TryAddSingleton<VoiceNoticeStore>();
        services.AddSpeechRequestResolver();
        services.TryAddSingleton(sp => new VoicePinner(sp.GetRequiredService<IVoiceUpstream>(), sp.GetRequiredService<VoiceConfigurationStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new VoiceHealthChecker(sp.GetRequiredService<IVoiceUpstream>(), sp.GetRequiredService<VoiceConfigurationStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<RecentVoiceLog>(), sp.GetService<VoiceNoticeStore>()));
        services.TryAddSingleton(sp => new VoiceHealthMonitor(sp.GetRequiredService<VoiceHealthChecker>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Registers the ElevenLabs account (<see cref="ElevenLabsClient"/>) as the <see cref="IVoiceUpstream"/> for pinning and health checks.</summary>
    public static IServiceCollection AddElevenLabsVoiceUpstream(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IVoiceUpstream>(sp => new ElevenLabsVoiceUpstream(sp.GetRequiredService<ElevenLabsClient>()));
        return services;
    }

    /// <summary>
    /// Adds the request resolution stage (<see cref="SpeechRequestResolver"/>): aliases and pins become stable ids, dev
    /// mode routes to local voices, provider and tenant are filled in, and a missing voice falls back. Place it first, so
    /// every later stage (the cache key above all) sees the effective request.
    /// </summary>
    public static SpeechSynthesizerBuilder UseVoiceResolution(this SpeechSynthesizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var store = services.GetService<VoiceConfigurationStore>() ?? throw new InvalidOperationException("Call AddVoiceResolution() before UseVoiceResolution().");
            var resolver = SpeechRequestResolver.Of(services);
            return new VoiceResolvingSpeechSynthesizer(
                inner,
                resolver.Voices == store ? resolver : SpeechRequestResolver.Create(services, store),
                services.GetService<RecentVoiceLog>(),
                services.GetService<ILogger<VoiceResolvingSpeechSynthesizer>>() ?? NullLogger<VoiceResolvingSpeechSynthesizer>.Instance);
        });
    }
}
