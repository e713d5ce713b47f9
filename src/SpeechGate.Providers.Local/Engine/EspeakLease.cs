using SpeechGate.Providers.Local.Native;

namespace SpeechGate.Providers.Local.Engine;

/// <summary>
/// One request's exclusive, freshly loaded engine copy. Disposing terminates and unloads it and frees the slot, so
/// the next lease starts from the same state: the same request always gives the same samples.
/// </summary>
internal sealed class EspeakLease : IDisposable
{
    private readonly Lock _sync = new();
    private readonly EspeakSlots _slots;
    private readonly string _path;
    private EspeakLibrary? _library;

    public EspeakLease(EspeakSlots slots, string path, EspeakLibrary library, int sampleRate)
    {
        _slots = slots;
        _path = path;
        _library = library;
        SampleRate = sampleRate;
    }

    public int SampleRate { get; }

    /// <summary>Synthesises one piece of text into <paramref name="samples"/> (cleared first); cancellation aborts the engine within one callback block (~60 ms of audio).</summary>
    public SentenceAudio Synthesize(string text, string voiceIdentifier, int rate, SampleBuffer samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(samples);
        samples.Clear();
        var sink = new SynthesisSink(samples, cancellationToken);
        lock (_sync)
        {
            // A session ends by cancelling, then unloading: a caller racing it sees the cancellation first.
            cancellationToken.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(_library is null, this);
            EspeakCalls.Synthesize(_library, text, voiceIdentifier, rate, sink);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return sink.ToAudio(SampleRate);
    }

    /// <summary>The voices this copy's data offers.</summary>
    public IReadOnlyList<EspeakVoice> ReadVoices()
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_library is null, this);
            return EspeakVoiceReader.ReadAll(_library);
        }
    }

    /// <summary>Idempotent and safe from any thread: waits for a running synthesis (cancel it first) before unloading.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            if (_library is null)
            {
                return;
            }

            _library.Dispose();
            _library = null;
        }

        _slots.Return(_path);
    }
}
