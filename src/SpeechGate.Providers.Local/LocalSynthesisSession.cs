using SpeechGate.Providers.Local.Engine;

namespace SpeechGate.Providers.Local;

/// <summary>
/// The <see cref="Synthesis.SpeechAudio.Resource"/> of a local response: disposing it stops the synthesis and frees
/// the engine copy the response holds, even when its stream is abandoned mid-way and never disposed.
/// </summary>
internal sealed class LocalSynthesisSession : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _sync = new();
    private EspeakLease? _lease;
    private bool _disposed;

    public CancellationToken Token => _stop.Token;

    /// <summary>Ties the stream's engine copy to this session; throws (and frees it) if the session already ended.</summary>
    public void Attach(EspeakLease lease)
    {
        lock (_sync)
        {
            if (!_disposed)
            {
                _lease = lease;
                return;
            }
        }

        lease.Dispose();
        throw new OperationCanceledException(Token);
    }

    public async ValueTask DisposeAsync()
    {
        // The engine polls this token in its audio callback and aborts espeak_Synth within one block; the lease then
        // waits for that call to return before unloading. The source is not disposed: the stream may still be
        // linking to its token on another thread.
        await _stop.CancelAsync().ConfigureAwait(false);
        EspeakLease? lease;
        lock (_sync)
        {
            _disposed = true;
            lease = _lease;
        }

        lease?.Dispose();
    }
}
