using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SpeechGate.Proofing.Lexicons;
using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Synthesis;
using SpeechGate.Voices;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ElevenLabs provider.</summary>
public static class ElevenLabsServiceCollectionExtensions
{
    /// <summary>The provider name used as the service key.</summary>
    public const string ProviderName = SpeechProviderNames.ElevenLabs;

    /// <summary>
    /// Registers keyed <see cref="ISpeechSynthesizer"/> and <see cref="IVoiceDirectory"/> <c>elevenlabs</c>, and
    /// <see cref="ElevenLabsClient"/>; binds <see cref="ElevenLabsOptions"/> from <c>Providers:ElevenLabs</c>, with
    /// <c>ELEVENLABS_API_KEY</c> / <c>ELEVENLABS_BASE_URL</c> overriding it.
    /// </summary>
    public static IServiceCollection AddElevenLabsSpeechProvider(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ElevenLabsOptions>()
            .Configure<IServiceProvider>((options, provider) => ElevenLabsOptionsSetup.Apply(options, provider.GetService<IConfiguration>()))
            .Validate(ElevenLabsOptionsSetup.IsValid, "Providers:ElevenLabs is invalid: BaseUrl must be absolute, limits positive, delays non-negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ElevenLabsConcurrencyLimiter>();
        services.TryAddSingleton<ElevenLabsResilience>();

        services.AddHttpClient<ElevenLabsSpeechSynthesizer>(ConfigureHttpClient).RedactLoggedHeaders(["xi-api-key"]);
        services.AddHttpClient(nameof(ElevenLabsClient), ConfigureHttpClient)
            .AddTypedClient((http, provider) => new ElevenLabsClient(
                http,
                provider.GetRequiredService<ElevenLabsResilience>(),
                provider.GetRequiredService<IOptions<ElevenLabsOptions>>(),
                provider.GetRequiredService<TimeProvider>()))
            .RedactLoggedHeaders(["xi-api-key"]);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILexiconPublisher, ElevenLabsLexiconPublisher>(provider => new ElevenLabsLexiconPublisher(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<IOptions<ElevenLabsOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<LexiconPublications>()?.File)));
        services.AddSingleton(new ProviderTenant(ProviderName, provider => provider.GetRequiredService<IOptions<ElevenLabsOptions>>().Value.Tenant));
        services.TryAddKeyedTransient<ISpeechSynthesizer>(ProviderName, (provider, _) => provider.GetRequiredService<ElevenLabsSpeechSynthesizer>());
        services.TryAddKeyedSingleton<ISpeechSessionFactory>(ProviderName, (provider, _) => new ElevenLabsRealtimeSessionFactory(
            provider.GetRequiredService<IOptions<ElevenLabsOptions>>(), provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        services.TryAddKeyedTransient<IVoiceDirectory>(ProviderName, (provider, _) => new ElevenLabsVoiceDirectory(provider.GetRequiredService<ElevenLabsClient>()));
        return services;
    }

    private static void ConfigureHttpClient(IServiceProvider provider, HttpClient http)
    {
        var options = provider.GetRequiredService<IOptions<ElevenLabsOptions>>().Value;
        var baseUrl = options.BaseUrl.AbsoluteUri;

        // A path prefix is kept (as the SDKs do): relative paths resolve under it only with a trailing slash.
        http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        http.Timeout = options.Timeout;
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("xi-api-key", options.ApiKey);
        }
    }
}
