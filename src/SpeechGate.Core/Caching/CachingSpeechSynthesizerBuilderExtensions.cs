using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SpeechGate.Caching;
using SpeechGate.Synthesis;

namespace SpeechGate;

/// <summary>Adds the cache stage to a speech pipeline.</summary>
public static class CachingSpeechSynthesizerBuilderExtensions
{
    /// <summary>
    /// Adds the cache stage, resolving <see cref="ISpeechCache"/> from the container (see <c>AddSpeechCache()</c>);
    /// leaves the pipeline unchanged when <see cref="SpeechCacheOptions.Enabled"/> is false.
    /// </summary>
    /// <remarks>Place it after proofing and voice resolution and before the budget: a hit costs nothing and never touches the budget.</remarks>
    public static SpeechSynthesizerBuilder UseCache(this SpeechSynthesizerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) => services.GetService<IOptions<SpeechCacheOptions>>()?.Value is { Enabled: false }
            ? inner
            : Create(inner, services.GetRequiredService<ISpeechCache>(), services));
    }

    /// <summary>Adds the cache stage over the given store.</summary>
    public static SpeechSynthesizerBuilder UseCache(this SpeechSynthesizerBuilder builder, ISpeechCache cache)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cache);
        return builder.Use((inner, services) => Create(inner, cache, services));
    }

    private static CachingSpeechSynthesizer Create(ISpeechSynthesizer inner, ISpeechCache cache, IServiceProvider services)
    {
        // Keyed on the effective request (provider and tenant filled in), so both spellings share entries.
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger<CachingSpeechSynthesizer>() ?? NullLogger<CachingSpeechSynthesizer>.Instance;
        return new CachingSpeechSynthesizer(inner, cache, SpeechRequestResolver.Of(services), logger);
    }
}
