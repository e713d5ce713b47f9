using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SpeechGate.Providers.ElevenLabs;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Catalog;
using SpeechGate.Server.Endpoints.OpenAI;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Server.Errors;
using SpeechGate.Server.Hosting;
using SpeechGate.Server.HotHits;
using SpeechGate.Synthesis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gateway's HTTP concerns: keys, authorization, rate limits, CORS, errors, writers.</summary>
internal static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddSpeechGateGateway(
        this IServiceCollection services, GatewayHostOptions options, GatewayOptions gateway, GatewayKeyStore keys, IConfiguration configuration)
    {
        services.TryAddSingleton(gateway);
        services.TryAddSingleton<GatewayRateLimits>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(keys);
        services.TryAddSingleton<GatewayPrincipals>();
        services.AddAuthentication(GatewayPolicies.Scheme)
            .AddScheme<GatewayKeyAuthenticationOptions, GatewayKeyAuthenticationHandler>(GatewayPolicies.Scheme,
                scheme => scheme.AllowKeylessLoopback = ListenAddress.IsLoopback(options.Host));
        services.AddAuthorizationBuilder()
            .AddPolicy(GatewayPolicies.Client, policy => policy.AddAuthenticationSchemes(GatewayPolicies.Scheme).RequireAuthenticatedUser())
            .AddPolicy(GatewayPolicies.Admin, policy => policy.AddAuthenticationSchemes(GatewayPolicies.Scheme).RequireAuthenticatedUser()
                .RequireClaim(GatewayPolicies.AdminClaim, "true"))
            .AddPolicy(GatewayPolicies.Render, policy => policy.AddAuthenticationSchemes(GatewayPolicies.Scheme).RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.HasClaim(GatewayPolicies.AdminClaim, "true")
                    || context.User.HasClaim(GatewayPolicies.ScopeClaim, GatewayPolicies.RenderScope)));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<GatewayRateLimits>((limiter, limits) => limits.Configure(limiter));
        services.AddCors(cors => GatewayCors.Configure(cors, gateway));
        services.AddExceptionHandler<GatewayExceptionHandler>();
        services.AddOptions<SpeechProviderOptions>().BindConfiguration(SpeechProviderOptions.SectionName)
            .Configure<IConfiguration, IOptions<ElevenLabsOptions>>(ProviderSelection.Apply);
        services.TryAddSingleton<LocalAccountCatalog>();
        services.TryAddSingleton<IAccountCatalog>(provider =>
            provider.GetRequiredService<IOptions<SpeechProviderOptions>>().Value.Default == ElevenLabsServiceCollectionExtensions.ProviderName
                ? new ElevenLabsAccountCatalog(provider, provider.GetRequiredService<LocalAccountCatalog>())
                : provider.GetRequiredService<LocalAccountCatalog>());
        services.TryAddSingleton<SpeechResponseWriter>();
        services.TryAddSingleton<OpenAISpeechWriter>();
        services.TryAddSingleton<HotHitIndex>();
        services.AddGatewayPipeline(configuration, options);
        return services;
    }
}
