using Microsoft.Extensions.DependencyInjection.Extensions;
using SpeechGate.Synthesis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the speech pipeline.</summary>
public static class SpeechSynthesizerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISpeechSynthesizer"/> as a pipeline around <see cref="ProviderRouter"/>; add stages to the
    /// returned builder in request order (the first <c>Use</c> is outermost).
    /// </summary>
    public static SpeechSynthesizerBuilder AddSpeechPipeline(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SpeechProviderOptions>();
        services.AddSpeechRequestResolver();
        services.TryAddSingleton<ProviderRouter>();
        return services.AddSpeechSynthesizer(sp => sp.GetRequiredService<ProviderRouter>());
    }

    /// <summary>Registers <see cref="ISpeechSynthesizer"/> as a pipeline around the synthesizer <paramref name="innerFactory"/> makes.</summary>
    public static SpeechSynthesizerBuilder AddSpeechSynthesizer(this IServiceCollection services, Func<IServiceProvider, ISpeechSynthesizer> innerFactory)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new SpeechSynthesizerBuilder(innerFactory);
        services.TryAddSingleton(sp => builder.Build(sp));
        return builder;
    }

    /// <summary>
    /// Registers <see cref="SpeechRequestResolver"/>: the default provider, the tenants (<see cref="ProviderTenant"/>)
    /// and, when voice resolution is registered, its aliases and pins.
    /// </summary>
    public static IServiceCollection AddSpeechRequestResolver(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SpeechProviderOptions>();
        services.TryAddSingleton(sp => SpeechRequestResolver.Create(sp, sp.GetService<SpeechGate.VoiceResolution.VoiceConfigurationStore>()));
        return services;
    }

    /// <summary>
    /// Adds the stage that names the provider and stamps its upstream account (see <see cref="ProviderTenant"/>), for
    /// pipelines without <c>UseVoiceResolution()</c> (which does the same and more).
    /// </summary>
    public static SpeechSynthesizerBuilder UseProviderTenant(this SpeechSynthesizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) => new TenantSpeechSynthesizer(inner, SpeechRequestResolver.Of(services)));
    }
}
