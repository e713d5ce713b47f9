using System.Buffers;
using SpeechGate.Providers.Local.Native;

namespace SpeechGate.Providers.Local.Audio;

/// <summary>MPEG Layer III, mono, constant bitrate, via libmp3lame; input is resampled with libsoxr first.</summary>
/// <remarks>No Xing/LAME tag: it would have to be patched into the first frame after the end, which a stream cannot do.</remarks>
internal sealed unsafe class Mp3Encoder : IAudioEncoder
{
    private const int FlushReserve = 7200;
    private readonly SampleRateConverter _converter;
    private readonly LameHandle _lame;

    public Mp3Encoder(int inputRate, int outputRate, int bitrateKbps)
    {
        _converter = new SampleRateConverter(inputRate, outputRate);
        _lame = LameHandle.Create();
        LameNative.SetInSampleRate(_lame, outputRate);
        LameNative.SetOutSampleRate(_lame, outputRate);
        LameNative.SetChannels(_lame, 1);
        LameNative.SetMode(_lame, LameNative.ModeMono);
        LameNative.SetBitrate(_lame, bitrateKbps);
        LameNative.SetWriteVbrTag(_lame, 0);
        if (LameNative.InitParams(_lame) < 0)
        {
            _lame.Dispose();
            _converter.Dispose();
            throw new InvalidOperationException($"lame_init_params rejected {outputRate} Hz at {bitrateKbps} kbit/s.");
        }
    }

    public void Write(ReadOnlySpan<short> samples, IBufferWriter<byte> output) => Encode(_converter.Convert(samples), output);

    public void Complete(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Encode(_converter.Drain(), output);
        var target = output.GetSpan(FlushReserve);
        fixed (byte* buffer = target)
        {
            output.Advance(Check(LameNative.EncodeFlush(_lame, buffer, target.Length)));
        }
    }

    public void Dispose()
    {
        _lame.Dispose();
        _converter.Dispose();
    }

    private void Encode(ReadOnlySpan<short> samples, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (samples.IsEmpty)
        {
            return;
        }

        // lame.h: worst case output is 1.25 * samples + 7200 bytes.
        var target = output.GetSpan((samples.Length * 5 / 4) + FlushReserve);
        fixed (short* pcm = samples)
        fixed (byte* buffer = target)
        {
            output.Advance(Check(LameNative.EncodeBuffer(_lame, pcm, pcm, samples.Length, buffer, target.Length)));
        }
    }

    private static int Check(int written)
        => written >= 0 ? written : throw new InvalidOperationException($"libmp3lame failed ({written}).");
}
