using SpeechGate.Audio;
using SpeechGate.Providers.Local.Tests.Support;

namespace SpeechGate.Providers.Local.Tests.Audio;

public sealed class EncodedOutputTests
{
    [Theory]
    [InlineData("mp3_44100_128")]
    [InlineData("mp3_22050_32")]
    [InlineData("wav_22050")]
    [InlineData("pcm_16000")]
    [InlineData("ulaw_8000")]
    [InlineData("alaw_8000")]
    [InlineData("opus_48000_64")]
    public async Task SynthesizeAsync_EachFormat_DecodesWithRealToolsAtTheFormatsRate(string name)
    {
        var format = AudioFormat.Parse(name);

        var bytes = await LocalProvider.SynthesizeAsync(LocalProvider.Request(LocalProvider.Sentence, name));
        var decoded = await SoxDecoder.DecodeAsync(bytes, format);

        Assert.Equal(format.SampleRate, decoded.SampleRate);
        Assert.Equal(1, decoded.Channels);
        // About one second per 15 characters at speed 1.0; the range is deliberately generous.
        var length = LocalProvider.Sentence.Length;
        Assert.InRange(decoded.DurationSeconds, length / 30.0, length / 8.0);
    }

    [Theory]
    [InlineData("mp3_44100_128", 128)]
    [InlineData("mp3_22050_32", 32)]
    public async Task SynthesizeAsync_Mp3_UsesTheFormatsBitrate(string name, int kbps)
    {
        var format = AudioFormat.Parse(name);

        var bytes = await LocalProvider.SynthesizeAsync(LocalProvider.Request(LocalProvider.Sentence, name));
        var decoded = await SoxDecoder.DecodeAsync(bytes, format);

        // Constant bitrate: size / duration matches the nominal rate (frame padding and the flush add a little).
        var actualKbps = bytes.Length * 8 / decoded.DurationSeconds / 1000;
        Assert.InRange(actualKbps, kbps * 0.9, kbps * 1.1);
    }

    [Fact]
    public async Task SynthesizeAsync_Wav_HeaderDescribesTheData()
    {
        var wav = await LocalProvider.SynthesizeAsync(LocalProvider.Request(LocalProvider.Sentence, "wav_16000"));

        Assert.Equal("RIFF"u8.ToArray(), wav[..4]);
        Assert.Equal(wav.Length - 8, BitConverter.ToInt32(wav, 4));
        Assert.Equal(16000, BitConverter.ToInt32(wav, 24));
        Assert.Equal(wav.Length - 44, BitConverter.ToInt32(wav, 40));
    }
}
