using SpeechGate.Providers.Local.Native;
using SpeechGate.Voiceover.Rendering;

namespace SpeechGate.Providers.Local.Rendering;

/// <summary>Integrated loudness and true peak of mono samples, by libebur128.</summary>
internal sealed unsafe class Ebur128Meter : ILoudnessMeter
{
    private nint _state;

    public Ebur128Meter(int sampleRate)
    {
        _state = Ebur128Native.Init(1, (nuint)sampleRate, Ebur128Native.ModeIntegratedAndTruePeak);
        if (_state == 0)
        {
            throw new InvalidOperationException($"ebur128_init failed for {sampleRate} Hz.");
        }
    }

    public double IntegratedLoudness
        => Ebur128Native.LoudnessGlobal(_state, out var loudness) == 0 ? loudness : double.NegativeInfinity;

    public double TruePeak
        => Ebur128Native.TruePeak(_state, 0, out var peak) == 0 && peak > 0 ? 20 * Math.Log10(peak) : double.NegativeInfinity;

    public void Add(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty)
        {
            return;
        }

        fixed (float* source = samples)
        {
            if (Ebur128Native.AddFramesFloat(_state, source, (nuint)samples.Length) != 0)
            {
                throw new InvalidOperationException("ebur128_add_frames_float failed.");
            }
        }
    }

    public void Dispose()
    {
        if (_state != 0)
        {
            Ebur128Native.Destroy(ref _state);
            _state = 0;
        }
    }
}
