using System.Buffers.Binary;
using SpeechGate.Voiceover.Rendering;

namespace SpeechGate.Providers.Local.Rendering;

/// <summary>Reads 16-bit little-endian mono PCM: a raw file, or the <c>data</c> chunk of a RIFF/WAVE file.</summary>
internal sealed class Pcm16Reader : IPcmReader
{
    private readonly FileStream _file;
    private readonly byte[] _bytes = new byte[16384];
    private long _left;

    public Pcm16Reader(string path, int sampleRate, bool wave)
    {
        _file = File.OpenRead(path);
        SampleRate = sampleRate;
        _left = _file.Length;
        if (wave)
        {
            (SampleRate, _left) = FindData(_file);
        }
    }

    public int SampleRate { get; }

    public int Read(Span<float> buffer)
    {
        var want = (int)Math.Min(Math.Min(buffer.Length * 2, _bytes.Length), _left) & ~1;
        var read = 0;
        while (read < want)
        {
            var n = _file.Read(_bytes, read, want - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        _left -= read;
        var samples = read / 2;
        for (var i = 0; i < samples; i++)
        {
            buffer[i] = BinaryPrimitives.ReadInt16LittleEndian(_bytes.AsSpan(i * 2)) / 32768f;
        }

        return samples;
    }

    public void Dispose() => _file.Dispose();

    private static (int SampleRate, long Length) FindData(FileStream file)
    {
        var header = new byte[16];
        var rate = 0;
        file.Position = 12;
        while (file.Read(header, 0, 8) == 8)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            if (header.AsSpan(0, 4).SequenceEqual("fmt "u8))
            {
                file.ReadExactly(header, 0, 16);
                if (BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(2)) != 1 || BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(14)) != 16)
                {
                    throw new InvalidDataException("Only 16-bit mono WAVE clips can be joined.");
                }

                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
                file.Position += size - 16 + (size & 1);
            }
            else if (header.AsSpan(0, 4).SequenceEqual("data"u8))
            {
                var left = file.Length - file.Position;
                return (rate, size is 0 or uint.MaxValue ? left : Math.Min(size, left));
            }
            else
            {
                file.Position += size + (size & 1);
            }
        }

        throw new InvalidDataException("The WAVE file has no data chunk.");
    }
}
