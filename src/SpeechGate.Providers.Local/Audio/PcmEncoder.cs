using System.Buffers;
using System.Buffers.Binary;

namespace SpeechGate.Providers.Local.Audio;

/// <summary>Raw signed 16-bit little-endian mono at the format's rate (<c>pcm_*</c>).</summary>
internal sealed class PcmEncoder(int inputRate, int outputRate) : IAudioEncoder
{
    private readonly SampleRateConverter _converter = new(inputRate, outputRate);

    public void Write(ReadOnlySpan<short> samples, IBufferWriter<byte> output) => WriteLittleEndian(_converter.Convert(samples), output);

    public void Complete(IBufferWriter<byte> output) => WriteLittleEndian(_converter.Drain(), output);

    public void Dispose() => _converter.Dispose();

    public static void WriteLittleEndian(ReadOnlySpan<short> samples, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (samples.IsEmpty)
        {
            return;
        }

        var target = output.GetSpan(samples.Length * 2);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(target[(i * 2)..], samples[i]);
        }

        output.Advance(samples.Length * 2);
    }
}
