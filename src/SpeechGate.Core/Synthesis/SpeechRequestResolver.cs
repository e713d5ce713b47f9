using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Synthesis;

/// <summary>
/// The one place that turns a request as a caller sent it into the request the provider gets: the alias or pin
/// resolved to a stable voice id with its defaults, the provider named (the configured default when none is), and the
/// provider's upstream account stamped as <see cref="SpeechRequest.Tenant"/>.
/// </summary>
/// <remarks>
/// The pipeline's outermost stage (<c>UseVoiceResolution()</c>), the cache key, the cache probe, estimates and the
/// provider router all ask it, so "which audio is this?" has one answer everywhere. Thread-safe.
/// </remarks>
public sealed class SpeechRequestResolver
{
    private readonly Lazy<IReadOnlyDictionary<string, string?>> _tenants;
    private readonly VoiceConfigurationStore? _voices;

    /// <summary>Creates a resolver that only names the provider: no tenants, no voice configuration.</summary>
    /// <param name="defaultProvider">The provider of requests that name none; null leaves them unnamed.</param>
    public SpeechRequestResolver(string? defaultProvider)
    {
        DefaultProvider = defaultProvider;
        _tenants = new Lazy<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());
    }

    /// <summary>Creates the resolver.</summary>
    /// <param name="defaultProvider">The provider of requests that name none (<see cref="SpeechProviderOptions.Default"/>); null leaves them unnamed.</param>
    /// <param name="tenants">The upstream account behind each provider.</param>
    /// <param name="services">The services <paramref name="tenants"/> resolve from.</param>
    /// <param name="voices">Aliases and pins; null resolves no voices.</param>
    public SpeechRequestResolver(string? defaultProvider, IEnumerable<ProviderTenant> tenants, IServiceProvider services, VoiceConfigurationStore? voices = null)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(services);
        DefaultProvider = defaultProvider;
        _voices = voices;

        // Resolved on first use: a tenant may read options that are not valid until the host has started.
        _tenants = new Lazy<IReadOnlyDictionary<string, string?>>(
            () => tenants.ToDictionary(t => t.Provider, t => t.Resolve(services), StringComparer.Ordinal));
    }

    /// <summary>The provider of requests that name none.</summary>
    public string? DefaultProvider { get; }

    /// <summary>The provider <paramref name="request"/> goes to (<see cref="SpeechProviderNames.Local"/> when nothing names one).</summary>
    public string ProviderOf(SpeechRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Provider ?? DefaultProvider ?? SpeechProviderNames.Local;
    }

    /// <summary>
    /// Names the provider and stamps its upstream account, keeping an explicit one. Idempotent, and leaves the voice
    /// alone: use it on a request whose voice is already resolved.
    /// </summary>
    public SpeechRequest Complete(SpeechRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var provider = request.Provider ?? DefaultProvider;
        var tenant = request.Tenant;
        if (tenant is null && provider is not null && _tenants.Value.TryGetValue(provider, out var stamped))
        {
            tenant = stamped;
        }

        return provider == request.Provider && tenant == request.Tenant ? request : request with { Provider = provider, Tenant = tenant };
    }

    /// <summary>The effective request for <paramref name="request"/> as a caller sent it: its primary voice, completed.</summary>
    public SpeechRequest Resolve(SpeechRequest request) => ResolveCandidates(request)[0].Request;

    /// <summary>
    /// Every request <paramref name="request"/> may be sent as, completed: the primary voice first, then the fallbacks
    /// in order (dev mode: one local voice).
    /// </summary>
    public IReadOnlyList<ResolvedSpeechRequest> ResolveCandidates(SpeechRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_voices is null)
        {
            return [new ResolvedSpeechRequest(Complete(request), request.VoiceId)];
        }

        var candidates = VoiceResolver.Resolve(_voices.Current, request, _voices.Options.IsDevMode, _voices.Options.DevDefaultVoiceId);
        var resolved = new ResolvedSpeechRequest[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            resolved[i] = new ResolvedSpeechRequest(Complete(candidates[i].Apply(request)), candidates[i].Label);
        }

        return resolved;
    }

    /// <summary>The aliases and pins it resolves with; null when it resolves no voices.</summary>
    internal VoiceConfigurationStore? Voices => _voices;

    /// <summary>The resolver registered in <paramref name="services"/>, else one over what they hold (for pipelines built by hand).</summary>
    internal static SpeechRequestResolver Of(IServiceProvider services)
        => services.GetService<SpeechRequestResolver>() ?? Create(services, voices: null);

    internal static SpeechRequestResolver Create(IServiceProvider services, VoiceConfigurationStore? voices)
        => new(services.GetService<IOptions<SpeechProviderOptions>>()?.Value.Default,
            services.GetService<IEnumerable<ProviderTenant>>() ?? [], services, voices);
}

/// <summary>One request a caller's request may be sent as.</summary>
/// <param name="Request">The effective request: resolved voice and defaults, provider, tenant.</param>
/// <param name="Label">What the request or the fallback list named (alias or id), for logs and reports.</param>
public sealed record ResolvedSpeechRequest(SpeechRequest Request, string Label);
