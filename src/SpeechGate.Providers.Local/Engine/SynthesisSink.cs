using SpeechGate.Providers.Local.Native;

namespace SpeechGate.Providers.Local.Engine;

/// <summary>Collects what the synth callback delivers for one <c>espeak_Synth</c> call; reached through its user_data.</summary>
/// <remarks>The samples go into the response's <see cref="SampleBuffer"/>, which every sentence reuses.</remarks>
internal sealed unsafe class SynthesisSink(SampleBuffer samples, CancellationToken cancellationToken)
{
    private readonly List<WordMark> _words = [];

    public Exception? Failure { get; private set; }

    public bool Aborted { get; private set; }

    /// <summary>Takes one callback's data; false tells the engine to stop (cancelled or failed).</summary>
    public bool Accept(short* block, int count, EspeakEvent* events)
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

            if (block != null && count > 0)
            {
                samples.Append(new ReadOnlySpan<short>(block, count));
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

    /// <summary>The sentence: a view of the response's buffer, valid until the next sentence is synthesised into it.</summary>
    public SentenceAudio ToAudio(int sampleRate) => new(samples.Written, sampleRate, _words);
}
