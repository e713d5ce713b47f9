namespace SpeechGate.Synthesis;

/// <summary>Base for stages: forwards every call to <see cref="Inner"/>; override only what the stage changes.</summary>
public abstract class DelegatingSpeechSynthesizer(ISpeechSynthesizer inner) : ISpeechSynthesizer
{
    /// <summary>The next stage, or the provider.</summary>
    protected ISpeechSynthesizer Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc/>
    public virtual Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
        => Inner.SynthesizeAsync(request, cancellationToken);
}
