namespace SpeechGate.Synthesis;

/// <summary>
/// Names each request's provider and stamps it with that provider's upstream account (<see cref="SpeechRequestResolver.Complete"/>),
/// so that the cache keys a cloned voice's audio per account. Place it before the cache.
/// </summary>
internal sealed class TenantSpeechSynthesizer(ISpeechSynthesizer inner, SpeechRequestResolver resolver)
    : DelegatingSpeechSynthesizer(inner)
{
    public override Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
        => base.SynthesizeAsync(resolver.Complete(request), cancellationToken);
}
