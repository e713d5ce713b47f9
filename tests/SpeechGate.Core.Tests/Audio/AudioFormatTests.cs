using SpeechGate.Audio;
using SpeechGate.Synthesis;

namespace SpeechGate.Core.Tests.Audio;

public class AudioFormatTests
{
    [Theory]
    [InlineData("mp3_44100_128", AudioCodec.Mp3, 44100, 128, "audio/mpeg")]
    [InlineData("mp3_22050_32", AudioCodec.Mp3, 22050, 32, "audio/mpeg")]
    [InlineData("pcm_16000", AudioCodec.Pcm, 16000, 0, "audio/pcm")]
    [InlineData("wav_22050", AudioCodec.Wav, 22050, 0, "audio/wav")]
    [InlineData("ulaw_8000", AudioCodec.Ulaw, 8000, 0, "audio/basic")]
    [InlineData("alaw_8000", AudioCodec.Alaw, 8000, 0, "audio/x-alaw-basic")]
    [InlineData("opus_48000_64", AudioCodec.Opus, 48000, 64, "audio/ogg")]
    public void Parse_KnownValue_ReadsCodecRateAndBitrate(string name, AudioCodec codec, int rate, int bitrate, string mediaType)
    {
        var format = AudioFormat.Parse(name);

        Assert.Equal(codec, format.Codec);
        Assert.Equal(rate, format.SampleRate);
        Assert.Equal(bitrate, format.BitrateKbps);
        Assert.Equal(mediaType, format.MediaType);
        Assert.Equal(name, format.ToString());
    }

    [Fact]
    public void AllNames_MatchesTheReferenceCounts()
    {
        Assert.Equal(28, AudioFormat.AllNames.Count);
        Assert.Equal(21, AudioFormat.AllNames.Count(n => AudioFormat.Parse(n).IsStreamable));
        Assert.Equal(18, AudioFormat.AllNames.Count(n => AudioFormat.Parse(n).IsWebSocketCapable));
    }

    [Theory]
    [InlineData("mp3_44100_999")]
    [InlineData("flac_44100")]
    [InlineData("")]
    [InlineData("MP3_44100_128")]
    public void Parse_UnknownValue_ThrowsValidationError(string name)
    {
        var error = Assert.Throws<InvalidSpeechRequestException>(() => AudioFormat.Parse(name));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("output_format", error.Param);
        Assert.Contains("mp3_44100_128", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsMp3At44100And128()
    {
        Assert.Equal("mp3_44100_128", AudioFormat.Default.Name);
        Assert.Equal(AudioFormat.Parse("mp3_44100_128"), AudioFormat.Default);
    }
}
