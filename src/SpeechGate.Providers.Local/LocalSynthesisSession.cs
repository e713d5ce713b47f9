namespace SpeechGate.Providers.Local;

/// <summary>The <see cref="Synthesis.SpeechAudio.Resource"/> of a local response: disposing it stops the synthesis.</summary>
internal sealed class LocalSynthesisSession : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public CancellationToken Token => _stop.Token;

    public async ValueTask DisposeAsync()
    {
        // The engine polls this token in its audio callback and aborts espeak_Synth, releasing the engine lock.
        // The source is not disposed: the stream may still be linking to its token on another thread.
        await _stop.CancelAsync().ConfigureAwait(false);
    }
}
