using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using SpeechGate.Providers.Local.Audio;

namespace SpeechGate.Providers.Local;

/// <summary>Re-encodes raw 16-bit little-endian mono PCM (ElevenLabs' <c>pcm_*</c>) into formats no provider offers.</summary>
public static class PcmTranscoding
{
    /// <summary>The media type of <see cref="ToFlacAsync"/>'s output.</summary>
    public const string FlacMediaType = "audio/flac";

    /// <summary>Encodes PCM chunks as FLAC (libFLAC) as they arrive; a chunk may split a sample.</summary>
    /// <exception cref="InvalidOperationException">libFLAC is missing or refused the stream.</exception>
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> ToFlacAsync(
        IAsyncEnumerable<ReadOnlyMemory<byte>> pcm,
        int sampleRate,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pcm);
        using var encoder = new FlacEncoder(sampleRate);
        var output = new ArrayBufferWriter<byte>();
        var samples = Array.Empty<short>();
        byte? carry = null;
        await foreach (var chunk in pcm.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var count = Decode(chunk.Span, ref carry, ref samples);
            encoder.Write(samples.AsSpan(0, count), output);
            if (output.WrittenCount > 0)
            {
                yield return Take(output);
            }
        }

        encoder.Complete(output);
        if (output.WrittenCount > 0)
        {
            yield return Take(output);
        }
    }

    private static int Decode(ReadOnlySpan<byte> bytes, ref byte? carry, ref short[] samples)
    {
        var needed = (bytes.Length + 1) / 2;
        if (samples.Length < needed)
        {
            samples = new short[needed];
        }

        var count = 0;
        if (carry is { } low && !bytes.IsEmpty)
        {
            samples[count++] = (short)(low | (bytes[0] << 8));
            bytes = bytes[1..];
            carry = null;
        }

        for (; bytes.Length >= 2; bytes = bytes[2..])
        {
            samples[count++] = BinaryPrimitives.ReadInt16LittleEndian(bytes);
        }

        if (bytes.Length == 1)
        {
            carry = bytes[0];
        }

        return count;
    }

    private static ReadOnlyMemory<byte> Take(ArrayBufferWriter<byte> output)
    {
        var bytes = output.WrittenSpan.ToArray();
        output.ResetWrittenCount();
        return bytes;
    }
}
