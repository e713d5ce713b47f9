using Microsoft.Extensions.DependencyInjection;

namespace SpeechGate.Synthesis;

/// <summary>The innermost pipeline element: sends each request to the provider it names, or the default.</summary>
/// <remarks>Providers are keyed <see cref="ISpeechSynthesizer"/> services, the key being the provider name.</remarks>
internal sealed class ProviderRouter(IServiceProvider services, SpeechRequestResolver resolver) : ISpeechSynthesizer
{
    /// <inheritdoc/>
    public Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = resolver.ProviderOf(request);
        var provider = services.GetKeyedService<ISpeechSynthesizer>(name)
            ?? throw new InvalidSpeechRequestException("unknown_provider", $"No speech provider named '{name}' is configured.", "provider");
        return provider.SynthesizeAsync(request with { Provider = name }, cancellationToken);
    }
}
