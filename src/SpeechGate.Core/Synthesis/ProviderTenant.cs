namespace SpeechGate.Synthesis;

/// <summary>Names the upstream account behind a provider (e.g. a hash of its API key), for cache keys.</summary>
/// <param name="Provider">The provider name.</param>
/// <param name="Resolve">Returns the tenant; never the key itself.</param>
public sealed record ProviderTenant(string Provider, Func<IServiceProvider, string?> Resolve);
