namespace SpeechGate.Synthesis;

/// <summary>
/// Stamps each request with the upstream account of the provider it goes to, so that the cache keys a cloned voice's
/// audio per account. Runs after voice resolution (which may change the provider) and before the cache.
/// </summary>
internal sealed class TenantSpeechSynthesizer(ISpeechSynthesizer inner, IReadOnlyDictionary<string, string?> tenants, string defaultProvider)
    : DelegatingSpeechSynthesizer(inner)
{
    public override Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Tenant is null && tenants.TryGetValue(request.Provider ?? defaultProvider, out var tenant) && tenant is not null)
        {
            request = request with { Tenant = tenant };
        }

        return base.SynthesizeAsync(request, cancellationToken);
    }
}
