using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using SpeechGate.Audio;
using SpeechGate.Providers.Local.Audio;

namespace SpeechGate.Cli.Tests.Commands;

/// <summary>
/// Decodable, speech-like audio for the fake ElevenLabs server: syllable-length voiced bursts (harmonics of a
/// hash-chosen pitch, raised-cosine envelopes, short gaps) of the requested length, encoded by the real libmp3lame.
/// </summary>
internal static class SpeechLikeMp3
{
    private const int Rate = 44100;

    public static byte[] Create(string identity, AudioFormat format, double seconds)
    {
        if (format.Codec != AudioCodec.Mp3)
        {
            throw new NotSupportedException("The fake's speech-like audio is MP3 only.");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        var random = new Random(BitConverter.ToInt32(hash, 0));
        var pitch = 100 + (hash[4] % 120);
        var samples = new short[(int)(seconds * Rate)];
        var position = (int)(0.03 * Rate);
        while (position < samples.Length - (int)(0.05 * Rate))
        {
            var syllable = (int)((0.12 + (random.NextDouble() * 0.14)) * Rate);
            var level = 0.18 + (random.NextDouble() * 0.14);
            for (var i = 0; i < syllable && position + i < samples.Length - (int)(0.03 * Rate); i++)
            {
                var t = (double)(position + i) / Rate;
                var envelope = 0.5 * (1 - Math.Cos(2 * Math.PI * i / syllable));
                var voice = Math.Sin(2 * Math.PI * pitch * t) + (0.5 * Math.Sin(2 * Math.PI * 2 * pitch * t)) + (0.25 * Math.Sin(2 * Math.PI * 3 * pitch * t));
                samples[position + i] = (short)(voice / 1.75 * envelope * level * short.MaxValue);
            }

            position += syllable + (int)((0.03 + (random.NextDouble() * 0.05)) * Rate);
        }

        using var encoder = new Mp3Encoder(Rate, format.SampleRate, format.BitrateKbps);
        var output = new ArrayBufferWriter<byte>();
        encoder.Write(samples, output);
        encoder.Complete(output);
        return output.WrittenSpan.ToArray();
    }
}
