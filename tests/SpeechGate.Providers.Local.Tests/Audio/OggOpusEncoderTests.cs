using System.Buffers;
using SpeechGate.Audio;
using SpeechGate.Providers.Local.Audio;
using SpeechGate.Providers.Local.Tests.Support;

namespace SpeechGate.Providers.Local.Tests.Audio;

public sealed class OggOpusEncoderTests
{
    [Theory]
    [InlineData(27216)]
    [InlineData(441)]
    public async Task Complete_AnyLength_PlaysBackExactlyTheInputDuration(int samples)
    {
        var pcm = Tone(samples);
        var output = new ArrayBufferWriter<byte>();

        using (var encoder = new OggOpusEncoder(22050, 64))
        {
            encoder.Write(pcm.AsSpan(0, samples / 3), output);
            encoder.Write(pcm.AsSpan(samples / 3), output);
            encoder.Complete(output);
        }

        var decoded = await SoxDecoder.DecodeAsync(output.WrittenSpan.ToArray(), AudioFormat.Parse("opus_48000_64"));

        // Pre-skip hides the encoder delay and the last granule position trims the padding (RFC 7845 §4).
        Assert.Contains("Pre-skip: 312", decoded.Report, StringComparison.Ordinal);
        Assert.Contains("Original sample rate: 22050 Hz", decoded.Report, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", decoded.Report, StringComparison.Ordinal);
        Assert.Equal(48000, decoded.SampleRate);
        Assert.Equal(samples / 22050.0, decoded.DurationSeconds, 0.001);
    }

    [Fact]
    public void Write_FirstBlock_EmitsHeadersAndAudioPagesAtOnce()
    {
        var output = new ArrayBufferWriter<byte>();
        using var encoder = new OggOpusEncoder(22050, 64);

        encoder.Write(Tone(8192), output);

        var bytes = output.WrittenSpan.ToArray();
        Assert.Equal("OggS"u8.ToArray(), bytes[..4]);
        Assert.True(bytes.AsSpan().IndexOf("OpusHead"u8) > 0);
        Assert.True(bytes.AsSpan().IndexOf("OpusTags"u8) > 0);
        Assert.True(bytes.Length > 400, "the first 0.37 s of audio should already be out");
    }

    private static short[] Tone(int samples)
        => [.. Enumerable.Range(0, samples).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 22050)))];
}
