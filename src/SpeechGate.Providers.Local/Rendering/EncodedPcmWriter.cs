using System.Buffers;
using SpeechGate.Providers.Local.Audio;
using SpeechGate.Voiceover.Rendering;

namespace SpeechGate.Providers.Local.Rendering;

/// <summary>Feeds float samples to one of the local encoders (libmp3lame, PCM) and writes its output as it comes.</summary>
internal sealed class EncodedPcmWriter(Stream output, IAudioEncoder encoder) : IPcmWriter
{
    private readonly ArrayBufferWriter<byte> _encoded = new(1 << 16);
    private short[] _pcm = new short[8192];

    public void Write(ReadOnlySpan<float> samples)
    {
        if (_pcm.Length < samples.Length)
        {
            _pcm = new short[samples.Length];
        }

        for (var i = 0; i < samples.Length; i++)
        {
            _pcm[i] = (short)Math.Clamp(MathF.Round(samples[i] * 32767f), short.MinValue, short.MaxValue);
        }

        encoder.Write(_pcm.AsSpan(0, samples.Length), _encoded);
        Drain();
    }

    public void Complete()
    {
        encoder.Complete(_encoded);
        Drain();
        output.Flush();
    }

    public void Dispose() => encoder.Dispose();

    private void Drain()
    {
        output.Write(_encoded.WrittenSpan);
        _encoded.ResetWrittenCount();
    }
}
