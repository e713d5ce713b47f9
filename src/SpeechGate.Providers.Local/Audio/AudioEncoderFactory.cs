using SpeechGate.Audio;
using SpeechGate.Providers.Local.Engine;

namespace SpeechGate.Providers.Local.Audio;

/// <summary>Creates the encoder for an <see cref="AudioFormat"/>, fed from PCM at <c>inputRate</c>.</summary>
internal static class AudioEncoderFactory
{
    public static IAudioEncoder Create(AudioFormat format, int inputRate)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.Codec switch
        {
            AudioCodec.Mp3 => LocalEngineUnavailable.Guard<IAudioEncoder>(
                () => new Mp3Encoder(inputRate, format.SampleRate, format.BitrateKbps), "libmp3lame and libsoxr", "libmp3lame0 libsoxr0"),
            AudioCodec.Opus => LocalEngineUnavailable.Guard<IAudioEncoder>(
                () => new OggOpusEncoder(inputRate, format.BitrateKbps), "libopus, libogg and libsoxr", "libopus0 libogg0 libsoxr0"),
            AudioCodec.Pcm => Resampled(() => new PcmEncoder(inputRate, format.SampleRate)),
            AudioCodec.Wav => Resampled(() => new WavEncoder(inputRate, format.SampleRate)),
            AudioCodec.Ulaw => Resampled(() => new G711Encoder(inputRate, G711Law.MuLaw)),
            AudioCodec.Alaw => Resampled(() => new G711Encoder(inputRate, G711Law.ALaw)),
            _ => throw new NotSupportedException($"No local encoder for {format}."),
        };
    }

    private static IAudioEncoder Resampled(Func<IAudioEncoder> create)
        => LocalEngineUnavailable.Guard(create, "libsoxr", "libsoxr0");
}
