using SpeechGate.Audio;
using SpeechGate.Providers.Local.Audio;
using SpeechGate.Providers.Local.Engine;
using SpeechGate.Voiceover.Rendering;

namespace SpeechGate.Providers.Local.Rendering;

/// <summary>The render's codecs from Debian's libraries: libmpg123 decodes, libebur128 measures, libmp3lame (or PCM/WAVE) encodes.</summary>
internal sealed class NativeRenderAudio : IRenderAudio
{
    public IPcmReader OpenReader(string path, AudioFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.Codec switch
        {
            AudioCodec.Mp3 => LocalEngineUnavailable.Guard<IPcmReader>(() => new Mpg123Reader(path), "libmpg123", "libmpg123-0"),
            AudioCodec.Pcm => new Pcm16Reader(path, format.SampleRate, wave: false),
            AudioCodec.Wav => new Pcm16Reader(path, format.SampleRate, wave: true),
            _ => throw new NotSupportedException($"No decoder for {format.Name}."),
        };
    }

    public ILoudnessMeter CreateMeter(int sampleRate)
        => LocalEngineUnavailable.Guard<ILoudnessMeter>(() => new Ebur128Meter(sampleRate), "libebur128", "libebur128-1");

    public IPcmWriter CreateWriter(Stream output, AudioFormat format, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.Codec switch
        {
            AudioCodec.Wav => LocalEngineUnavailable.Guard<IPcmWriter>(() => new WavePcmWriter(output, sampleRate, format.SampleRate), "libsoxr", "libsoxr0"),
            AudioCodec.Mp3 or AudioCodec.Pcm => new EncodedPcmWriter(output, AudioEncoderFactory.Create(format, sampleRate)),
            _ => throw new NotSupportedException($"No track encoder for {format.Name}."),
        };
    }
}
