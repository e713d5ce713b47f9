using System.Buffers.Binary;
using SpeechGate.Audio;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>Joins clips of one format into one file without re-encoding: MP3 frames and raw PCM concatenate; WAV data chunks merge.</summary>
internal static class ClipJoiner
{
    public static void Join(IReadOnlyList<string> files, string path, AudioFormat format)
    {
        using var output = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        if (format.Codec != AudioCodec.Wav)
        {
            foreach (var file in files)
            {
                using var input = File.OpenRead(file);
                input.CopyTo(output);
            }

            return;
        }

        output.Write(new byte[44]);
        long data = 0;
        foreach (var file in files)
        {
            var (offset, length) = WavData(file);
            using var input = File.OpenRead(file);
            input.Position = offset;
            var buffer = new byte[1 << 16];
            for (var left = length; left > 0;)
            {
                var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (read == 0)
                {
                    break;
                }

                output.Write(buffer, 0, read);
                left -= read;
                data += read;
            }
        }

        output.Position = 0;
        output.Write(WavHeader(format.SampleRate, data));
    }

    /// <summary>Where the <c>data</c> chunk of a RIFF/WAVE file starts and how long it is.</summary>
    public static (long Offset, long Length) WavData(string file)
    {
        using var input = File.OpenRead(file);
        var header = new byte[8];
        input.Position = 12;
        while (input.Read(header, 0, 8) == 8)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            if (header.AsSpan(0, 4).SequenceEqual("data"u8))
            {
                var length = size == uint.MaxValue || size == 0 ? input.Length - input.Position : Math.Min(size, input.Length - input.Position);
                return (input.Position, length);
            }

            input.Position += size + (size & 1);
        }

        throw new InvalidDataException($"{Path.GetFileName(file)} has no WAVE data chunk.");
    }

    public static byte[] WavHeader(int sampleRate, long dataLength)
    {
        var header = new byte[44];
        var data = (uint)Math.Min(uint.MaxValue - 36, dataLength);
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), data + 36);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(22), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(28), (uint)sampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(32), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(40), data);
        return header;
    }
}
