using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SpeechGate.Audio;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Synthetic audio: a hash-seeded byte pattern of plausible length, generated piece by piece.</summary>
/// <remarks>The same (text, voice, model, format, settings, seed) always gives the same bytes.</remarks>
public sealed class FakeAudio
{
    private readonly byte[] _header;
    private readonly byte[]? _content;
    private ulong _state;
    private long _position;

    /// <summary>Prepares the clip for a request.</summary>
    public FakeAudio(string identity, AudioFormat format, double seconds)
    {
        ArgumentNullException.ThrowIfNull(format);
        Format = format;
        Length = Math.Max(64, (long)(seconds * BytesPerSecond(format)));
        _header = Header(format, Length);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        _state = BinaryPrimitives.ReadUInt64LittleEndian(hash) | 1;
    }

    private FakeAudio(byte[] content, AudioFormat format)
    {
        Format = format;
        Length = content.Length;
        _header = [];
        _content = content;
    }

    /// <summary>Wraps bytes made elsewhere (see <see cref="FakeElevenLabsBehavior.AudioFactory"/>).</summary>
    public static FakeAudio FromContent(byte[] content, AudioFormat format) => new(content, format);

    /// <summary>The output format.</summary>
    public AudioFormat Format { get; }

    /// <summary>Total bytes of the clip.</summary>
    public long Length { get; }

    /// <summary>Bytes not yet produced.</summary>
    public long Remaining => Length - _position;

    /// <summary>Produces the whole clip at once (for assertions on small clips).</summary>
    public static byte[] Bytes(string identity, AudioFormat format, double seconds)
    {
        var audio = new FakeAudio(identity, format, seconds);
        var bytes = new byte[audio.Length];
        audio.Fill(bytes);
        return bytes;
    }

    /// <summary>Audio bytes a second of this format takes.</summary>
    public static int BytesPerSecond(AudioFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.Codec switch
        {
            AudioCodec.Mp3 or AudioCodec.Opus => format.BitrateKbps * 125,
            AudioCodec.Pcm or AudioCodec.Wav => format.SampleRate * 2,
            _ => format.SampleRate,
        };
    }

    /// <summary>Fills <paramref name="destination"/> with the next bytes; returns how many were written.</summary>
    public int Fill(Span<byte> destination)
    {
        var count = (int)Math.Min(destination.Length, Remaining);
        if (_content is not null)
        {
            _content.AsSpan((int)_position, count).CopyTo(destination);
            _position += count;
            return count;
        }

        for (var i = 0; i < count; i++, _position++)
        {
            destination[i] = _position < _header.Length ? _header[_position] : Next();
        }

        return count;
    }

    private byte Next()
    {
        _state ^= _state << 13;
        _state ^= _state >> 7;
        _state ^= _state << 17;
        return (byte)_state;
    }

    private static byte[] Header(AudioFormat format, long length) => format.Codec switch
    {
        AudioCodec.Mp3 => [(byte)'I', (byte)'D', (byte)'3', 4, 0, 0, 0, 0, 0, 0],
        AudioCodec.Opus => "OggS"u8.ToArray(),
        AudioCodec.Wav => WavHeader(format.SampleRate, length),
        _ => [],
    };

    private static byte[] WavHeader(int sampleRate, long length)
    {
        var header = new byte[44];
        var data = (uint)Math.Max(0, length - 44);
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
