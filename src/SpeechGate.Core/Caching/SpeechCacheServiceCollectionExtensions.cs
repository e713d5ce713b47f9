using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpeechGate.Caching;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the audio cache.</summary>
public static class SpeechCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FileSpeechCache"/> as the <see cref="ISpeechCache"/>, with <see cref="SpeechCacheOptions"/>
    /// bound to the <c>Cache</c> configuration section (an <c>IConfiguration</c> must be registered, as hosts do).
    /// Add the stage with <c>UseCache()</c>.
    /// </summary>
    public static IServiceCollection AddSpeechCache(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SpeechCacheOptions>()
            .BindConfiguration(SpeechCacheOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Directory), "Cache:Directory is required.")
            .Validate(o => o.MaxBytes > 0, "Cache:MaxBytes must be positive.")
            .Validate(o => o.MemoryMaxBytes >= 0, "Cache:MemoryMaxBytes must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new FileSpeechCache(
            sp.GetRequiredService<IOptions<SpeechCacheOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<FileSpeechCache>>()));
        services.TryAddSingleton<ISpeechCache>(sp => sp.GetRequiredService<FileSpeechCache>());
        services.AddSpeechRequestResolver();
        services.TryAddSingleton<SpeechGate.Budgeting.ICacheProbe, SpeechCacheProbe>();
        return services;
    }
}
