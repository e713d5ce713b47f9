using SpeechGate.Providers.Local.Audio;
using SpeechGate.Voiceover.Rendering;

namespace SpeechGate.Providers.Local.Rendering;

/// <summary>Streams 16-bit mono WAVE to a seekable stream: a header first, the sizes patched in at the end.</summary>
internal sealed class WavePcmWriter : IPcmWriter
{
    private readonly Stream _output;
    private readonly EncodedPcmWriter _data;
    private readonly long _start;
    private readonly int _sampleRate;

    public WavePcmWriter(Stream output, int inputRate, int outputRate)
    {
        if (!output.CanSeek)
        {
            throw new NotSupportedException("A WAVE track is written to a file (its header is patched at the end).");
        }

        _output = output;
        _sampleRate = outputRate;
        _start = output.Position;
        output.Write(new byte[44]);
        _data = new EncodedPcmWriter(output, new PcmEncoder(inputRate, outputRate));
    }

    public void Write(ReadOnlySpan<float> samples) => _data.Write(samples);

    public void Complete()
    {
        _data.Complete();
        var end = _output.Position;
        _output.Position = _start;
        var header = new byte[44];
        WavEncoder.WriteHeader(header, (int)Math.Min(int.MaxValue - 36, end - _start - 44), _sampleRate);
        _output.Write(header);
        _output.Position = end;
        _output.Flush();
    }

    public void Dispose() => _data.Dispose();
}
