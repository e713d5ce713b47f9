using SpeechGate.Audio;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>The codec work a render needs: decode clips to PCM, measure EBU R128 loudness, encode the joined track.</summary>
/// <remarks>Implemented with native codec libraries (libmpg123, libebur128, libmp3lame…) by the local provider package.</remarks>
public interface IRenderAudio
{
    /// <summary>Opens an encoded clip for decoding to mono PCM.</summary>
    /// <exception cref="NotSupportedException">No decoder for <paramref name="format"/>.</exception>
    IPcmReader OpenReader(string path, AudioFormat format);

    /// <summary>A meter of integrated loudness and true peak for mono PCM at <paramref name="sampleRate"/>.</summary>
    ILoudnessMeter CreateMeter(int sampleRate);

    /// <summary>An encoder of mono PCM at <paramref name="sampleRate"/> into <paramref name="format"/>, written to <paramref name="output"/>.</summary>
    /// <exception cref="NotSupportedException">No encoder for <paramref name="format"/>.</exception>
    IPcmWriter CreateWriter(Stream output, AudioFormat format, int sampleRate);
}

/// <summary>Decoded mono PCM, samples in [-1, 1], read block by block.</summary>
public interface IPcmReader : IDisposable
{
    /// <summary>Samples per second.</summary>
    int SampleRate { get; }

    /// <summary>Fills <paramref name="buffer"/>; returns the samples read, 0 at the end.</summary>
    int Read(Span<float> buffer);
}

/// <summary>EBU R128 measurement (libebur128): integrated loudness and true peak.</summary>
public interface ILoudnessMeter : IDisposable
{
    /// <summary>Adds mono samples.</summary>
    void Add(ReadOnlySpan<float> samples);

    /// <summary>Integrated loudness so far, in LUFS (negative infinity for silence).</summary>
    double IntegratedLoudness { get; }

    /// <summary>True peak so far, in dBTP.</summary>
    double TruePeak { get; }
}

/// <summary>Encodes mono PCM, samples in [-1, 1], as it arrives.</summary>
public interface IPcmWriter : IDisposable
{
    /// <summary>Encodes <paramref name="samples"/> and writes what is ready.</summary>
    void Write(ReadOnlySpan<float> samples);

    /// <summary>Flushes the encoder and writes any trailer.</summary>
    void Complete();
}
