using System.Buffers;

namespace SpeechGate.Providers.Local.Audio;

/// <summary>G.711 μ-law or A-law at 8 kHz (<c>ulaw_8000</c>, <c>alaw_8000</c>), one byte per sample.</summary>
internal sealed class G711Encoder(int inputRate, G711Law law) : IAudioEncoder
{
    private const int SampleRate = 8000;
    private readonly SampleRateConverter _converter = new(inputRate, SampleRate);

    public void Write(ReadOnlySpan<short> samples, IBufferWriter<byte> output) => Encode(_converter.Convert(samples), output);

    public void Complete(IBufferWriter<byte> output) => Encode(_converter.Drain(), output);

    public void Dispose() => _converter.Dispose();

    private void Encode(ReadOnlySpan<short> samples, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (samples.IsEmpty)
        {
            return;
        }

        var target = output.GetSpan(samples.Length);
        for (var i = 0; i < samples.Length; i++)
        {
            target[i] = law == G711Law.MuLaw ? G711.ToMuLaw(samples[i]) : G711.ToALaw(samples[i]);
        }

        output.Advance(samples.Length);
    }
}
