using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SpeechGate.Providers.Local.Native;

namespace SpeechGate.Providers.Local.Audio;

/// <summary>FLAC, mono, 16-bit, via libFLAC's stream encoder; frames are written as soon as libFLAC has them.</summary>
/// <remarks>
/// A stream cannot seek back, so STREAMINFO keeps total samples 0 and no MD5 ("unknown"), which the format allows and
/// decoders (flac, sox, ffmpeg) accept.
/// </remarks>
internal sealed unsafe class FlacEncoder : IAudioEncoder
{
    private readonly FlacEncoderHandle _encoder;
    private readonly ArrayBufferWriter<byte> _pending = new();
    private GCHandle _self;
    private int[] _samples = [];
    private bool _finished;

    public FlacEncoder(int sampleRate)
    {
        _encoder = FlacEncoderHandle.Create();
        _self = GCHandle.Alloc(this);
        try
        {
            Check(FlacNative.SetChannels(_encoder, 1), "set_channels");
            Check(FlacNative.SetBitsPerSample(_encoder, 16), "set_bits_per_sample");
            Check(FlacNative.SetSampleRate(_encoder, (uint)sampleRate), "set_sample_rate");
            Check(FlacNative.SetCompressionLevel(_encoder, 5), "set_compression_level");
            var status = FlacNative.InitStream(_encoder, &OnWrite, 0, 0, 0, GCHandle.ToIntPtr(_self));
            if (status != FlacNative.InitStatusOk)
            {
                throw new InvalidOperationException($"FLAC__stream_encoder_init_stream failed ({status}) at {sampleRate} Hz.");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Write(ReadOnlySpan<short> samples, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!samples.IsEmpty)
        {
            if (_samples.Length < samples.Length)
            {
                _samples = new int[samples.Length];
            }

            for (var i = 0; i < samples.Length; i++)
            {
                _samples[i] = samples[i];
            }

            fixed (int* buffer = _samples)
            {
                Check(FlacNative.ProcessInterleaved(_encoder, buffer, (uint)samples.Length), "process_interleaved");
            }
        }

        Drain(output);
    }

    public void Complete(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!_finished)
        {
            _finished = true;
            Check(FlacNative.Finish(_encoder), "finish");
        }

        Drain(output);
    }

    public void Dispose()
    {
        _encoder.Dispose();
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    private void Drain(IBufferWriter<byte> output)
    {
        if (_pending.WrittenCount > 0)
        {
            output.Write(_pending.WrittenSpan);
            _pending.ResetWrittenCount();
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnWrite(nint encoder, byte* buffer, nuint bytes, uint samples, uint currentFrame, nint clientData)
    {
        // libFLAC calls back on the thread inside process/finish/init; client_data routes to that encoder's buffer.
        if (GCHandle.FromIntPtr(clientData).Target is not FlacEncoder self)
        {
            return FlacNative.WriteStatusFatalError;
        }

        self._pending.Write(new ReadOnlySpan<byte>(buffer, checked((int)bytes)));
        return FlacNative.WriteStatusOk;
    }

    private static void Check(int ok, string function)
    {
        if (ok == 0)
        {
            throw new InvalidOperationException($"FLAC__stream_encoder_{function} failed.");
        }
    }
}
