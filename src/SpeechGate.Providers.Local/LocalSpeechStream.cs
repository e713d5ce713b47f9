using System.Buffers;
using System.Runtime.CompilerServices;
using SpeechGate.Audio;
using SpeechGate.Providers.Local.Alignment;
using SpeechGate.Providers.Local.Audio;
using SpeechGate.Providers.Local.Engine;
using SpeechGate.Providers.Local.Text;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.Local;

/// <summary>One response's audio: synthesises sentence by sentence and hands out each sentence's bytes at once.</summary>
/// <remarks>The whole response runs on one engine copy leased for it, so its audio never depends on other requests.</remarks>
internal sealed class LocalSpeechStream(EspeakEngine engine, LocalSpeechOptions options, LocalSynthesisSession session, Action<int>? sentenceSynthesized)
{
    // About 0.4 s at 22.05 kHz.
    private const int BlockSamples = 8192;

    public async IAsyncEnumerable<AudioChunk> ReadAsync(
        string text,
        string voiceIdentifier,
        int rate,
        double tempo,
        AudioFormat format,
        bool withTimestamps,
        CancellationToken stopToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopToken, cancellationToken);
        var sentences = SentenceSplitter.Split(text);
        var output = new ArrayBufferWriter<byte>();
        var alignment = withTimestamps ? new AlignmentBatch() : null;
        IAudioEncoder? encoder = null;
        using var samples = new SampleBuffer();
        var offsetSeconds = 0.0;
        var lease = await engine.AcquireAsync(options.DataPath, options.EngineInstances, linked.Token).ConfigureAwait(false);
        try
        {
            session.Attach(lease);
            for (var i = 0; i < sentences.Count; i++)
            {
                var audio = TimeStretch.Apply(lease.Synthesize(sentences[i], voiceIdentifier, rate, samples, linked.Token), tempo);
                sentenceSynthesized?.Invoke(i);
                encoder ??= AudioEncoderFactory.Create(format, audio.SampleRate);
                alignment?.Add(CharacterTimeline.Build(sentences[i], audio, offsetSeconds));
                offsetSeconds += audio.Samples.Length / (double)audio.SampleRate;

                // Encode in blocks so the first bytes go out after a fraction of a second of audio, not a whole sentence.
                for (var start = 0; start < audio.Samples.Length; start += BlockSamples)
                {
                    linked.Token.ThrowIfCancellationRequested();
                    encoder.Write(audio.Samples.Span.Slice(start, Math.Min(BlockSamples, audio.Samples.Length - start)), output);
                    if (output.WrittenCount > 0)
                    {
                        yield return Take(output, alignment);
                    }
                }
            }

            encoder?.Complete(output);
            if (output.WrittenCount > 0 || alignment is { IsEmpty: false })
            {
                yield return Take(output, alignment);
            }
        }
        finally
        {
            lease.Dispose();
            encoder?.Dispose();
        }
    }

    private static AudioChunk Take(ArrayBufferWriter<byte> output, AlignmentBatch? alignment)
    {
        var bytes = output.WrittenSpan.ToArray();
        output.ResetWrittenCount();
        var characters = alignment?.Take();
        return new AudioChunk(bytes) { Alignment = characters, NormalizedAlignment = characters };
    }
}
