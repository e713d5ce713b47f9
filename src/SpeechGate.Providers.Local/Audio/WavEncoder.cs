using System.Buffers;
using System.Buffers.Binary;

namespace SpeechGate.Providers.Local.Audio;

/// <summary>RIFF/WAVE, 16-bit mono PCM. WAV is convert-only, so the data is held until the exact header can be written.</summary>
internal sealed class WavEncoder(int inputRate, int outputRate) : IAudioEncoder
{
    private const int HeaderSize = 44;
    private readonly SampleRateConverter _converter = new(inputRate, outputRate);
    private readonly ArrayBufferWriter<byte> _data = new();

    public void Write(ReadOnlySpan<short> samples, IBufferWriter<byte> output) => PcmEncoder.WriteLittleEndian(_converter.Convert(samples), _data);

    public void Complete(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        PcmEncoder.WriteLittleEndian(_converter.Drain(), _data);
        var header = output.GetSpan(HeaderSize)[..HeaderSize];
        WriteHeader(header, _data.WrittenCount, outputRate);
        output.Advance(HeaderSize);
        output.Write(_data.WrittenSpan);
    }

    public void Dispose() => _converter.Dispose();

    public static void WriteHeader(Span<byte> header, int dataLength, int sampleRate)
    {
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], 36 + dataLength);
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], dataLength);
    }
}
