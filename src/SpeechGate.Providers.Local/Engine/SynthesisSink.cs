using SpeechGate.Providers.Local.Native;

namespace SpeechGate.Providers.Local.Engine;

/// <summary>Collects what the synth callback delivers for one <c>espeak_Synth</c> call; reached through its user_data.</summary>
internal sealed unsafe class SynthesisSink(CancellationToken cancellationToken)
{
    private readonly List<WordMark> _words = [];
    private short[] _samples = new short[16384];
    private int _count;

    public Exception? Failure { get; private set; }

    public bool Aborted { get; private set; }

    /// <summary>Takes one callback's data; false tells the engine to stop (cancelled or failed).</summary>
    public bool Accept(short* samples, int count, EspeakEvent* events)
    {
        try
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Aborted = true;
                return false;
            }

            for (var e = events; e->Type != EspeakEvent.ListTerminated; e++)
            {
                if (e->Type == EspeakEvent.Word)
                {
                    _words.Add(new WordMark(e->TextPosition, e->Length, e->AudioPosition));
                }
            }

            if (samples != null && count > 0)
            {
                Append(new ReadOnlySpan<short>(samples, count));
            }

            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Nothing may propagate into native code; the engine rethrows after espeak_Synth returns.
            Failure = exception;
            return false;
        }
    }

    public SentenceAudio ToAudio(int sampleRate) => new(_samples.AsSpan(0, _count).ToArray(), sampleRate, _words);

    private void Append(ReadOnlySpan<short> block)
    {
        if (_count + block.Length > _samples.Length)
        {
            Array.Resize(ref _samples, Math.Max(_count + block.Length, _samples.Length * 2));
        }

        block.CopyTo(_samples.AsSpan(_count));
        _count += block.Length;
    }
}
