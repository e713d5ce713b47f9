using System.Buffers.Binary;
using SpeechGate.Synthesis;
using SpeechGate.Testing;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Core.Tests.VoiceResolution;

/// <summary>Samples are decoded from their own headers and frames (WAV, FLAC and MP3 made by sox and lame), before any upload.</summary>
public sealed class VoiceSampleInspectorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("speechgate-samples-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Wav_DurationFromTheDataChunk()
    {
        var path = Write("a.wav", Wav(seconds: 3.5, rate: 22050));
        var path2 = Write("b.wav", Wav(seconds: 2.0, rate: 16000));

        var samples = await VoiceSampleInspector.InspectAsync([path, path2]);

        Assert.Equal(3500, samples[0].Duration.TotalMilliseconds, 1);
        Assert.Equal(2000, samples[1].Duration.TotalMilliseconds, 1);
        Assert.Equal("audio/wav", samples[0].MediaType);
        Assert.Equal(64, samples[0].Sha256.Length);
        Assert.NotEqual(samples[0].Sha256, samples[1].Sha256);
    }

    [Theory]
    [InlineData("sox", "flac", "audio/flac")]
    [InlineData("lame", "mp3", "audio/mpeg")]
    public async Task FlacAndMp3_FromRealEncoders_AreDecodedToTheirDuration(string tool, string extension, string mediaType)
    {
        var wav = Write("tone.wav", Wav(seconds: 6.0, rate: 44100));
        var encoded = Path.Combine(_directory, "tone." + extension);
        var run = tool == "sox"
            ? await ExternalCommand.RunAsync("sox", _directory, TimeSpan.FromMinutes(1), null, wav, encoded)
            : await ExternalCommand.RunAsync("lame", _directory, TimeSpan.FromMinutes(1), null, "--silent", "-b", "64", wav, encoded);
        Assert.True(run.ExitCode == 0, run.Output);

        var sample = Assert.Single(await VoiceSampleInspector.InspectAsync([encoded]));

        Assert.Equal(mediaType, sample.MediaType);
        Assert.InRange(sample.Duration.TotalSeconds, 5.9, 6.1);
    }

    [Fact]
    public async Task NotAudio_IsRefusedNamingTheFile()
    {
        var text = Write("notes.wav", "This is a text file, not a recording."u8.ToArray());
        var good = Write("good.wav", Wav(seconds: 6, rate: 22050));

        var error = await Assert.ThrowsAsync<SpeechException>(() => VoiceSampleInspector.InspectAsync([good, text]));

        Assert.Equal((400, "invalid_voice_sample"), (error.StatusCode, error.Status));
        Assert.Contains("notes.wav is not readable audio", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooShortSample_And_TooLittleInAll_AreRefused()
    {
        var blip = Write("blip.wav", Wav(seconds: 0.3, rate: 22050));
        var short1 = Write("s1.wav", Wav(seconds: 1.5, rate: 22050));
        var short2 = Write("s2.wav", Wav(seconds: 1.5, rate: 22050));

        var tooShort = await Assert.ThrowsAsync<SpeechException>(() => VoiceSampleInspector.InspectAsync([short1, blip]));
        var tooLittle = await Assert.ThrowsAsync<SpeechException>(() => VoiceSampleInspector.InspectAsync([short1, short2]));

        Assert.Contains("blip.wav is 0.30 s long", tooShort.Message, StringComparison.Ordinal);
        Assert.Contains("3.0 s of audio in all", tooLittle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_And_TooManyFiles_AreRefused()
    {
        var missing = await Assert.ThrowsAsync<SpeechException>(() => VoiceSampleInspector.InspectAsync([Path.Combine(_directory, "nope.wav")]));
        var many = await Assert.ThrowsAsync<SpeechException>(() => VoiceSampleInspector.InspectAsync([.. Enumerable.Repeat("x.wav", 26)]));

        Assert.Contains("no such file", missing.Message, StringComparison.Ordinal);
        Assert.Contains("at most 25", many.Message, StringComparison.Ordinal);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // 16-bit mono PCM: a 220 Hz tone, so encoders have something to encode.
    private static byte[] Wav(double seconds, int rate)
    {
        var samples = (int)(seconds * rate);
        var bytes = new byte[44 + (samples * 2)];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + (samples * 2));
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), samples * 2);
        for (var i = 0; i < samples; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + (i * 2)), (short)(8000 * Math.Sin(2 * Math.PI * 220 * i / rate)));
        }

        return bytes;
    }
}
