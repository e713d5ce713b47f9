namespace SpeechGate.Synthesis;

/// <summary>Base for stages: forwards every call to <see cref="Inner"/>; override only what the stage changes.</summary>
/// <remarks>
/// Disposing a stage disposes the rest of the pipeline (as M.E.AI's delegating clients do), so a host that disposes
/// its container lets stages finish background work, e.g. the cache storing a paid response.
/// </remarks>
public abstract class DelegatingSpeechSynthesizer(ISpeechSynthesizer inner) : ISpeechSynthesizer, IAsyncDisposable
{
    /// <summary>The next stage, or the provider.</summary>
    protected ISpeechSynthesizer Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc/>
    public virtual Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
        => Inner.SynthesizeAsync(request, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Finishes this stage's own work, then disposes the inner stages.</summary>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        if (Inner is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }
}
