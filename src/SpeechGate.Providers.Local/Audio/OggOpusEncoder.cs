using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using SpeechGate.Providers.Local.Native;

namespace SpeechGate.Providers.Local.Audio;

/// <summary>Opus in Ogg (RFC 7845): 48 kHz mono, 20 ms frames, OpusHead/OpusTags, pre-skip and end trimming by granule.</summary>
internal sealed unsafe class OggOpusEncoder : IAudioEncoder
{
    private const int SampleRate = 48000;
    private const int FrameSize = 960;
    private const int MaxPacket = 4000;

    // A fixed serial keeps the output reproducible; each response is a single, unchained stream.
    private const int SerialNumber = 0x53474C4F;

    private readonly int _inputRate;
    private readonly SampleRateConverter _converter;
    private readonly OpusEncoderHandle _opus;
    private readonly OggPageWriter _ogg = new(SerialNumber);
    private readonly short[] _frame = new short[FrameSize];
    private readonly byte[] _packet = new byte[MaxPacket];
    private readonly int _preSkip;
    private int _frameFill;
    private long _inputSamples;
    private long _encodedSamples;
    private bool _headersWritten;

    public OggOpusEncoder(int inputRate, int bitrateKbps)
    {
        _inputRate = inputRate;
        _converter = new SampleRateConverter(inputRate, SampleRate);
        _opus = OpusEncoderHandle.Create(SampleRate, OpusNative.ApplicationAudio);
        OpusNative.EncoderCtl(_opus, OpusNative.SetBitrateRequest, bitrateKbps * 1000);
        OpusNative.EncoderCtl(_opus, OpusNative.GetLookaheadRequest, out _preSkip);
    }

    public void Write(ReadOnlySpan<short> samples, IBufferWriter<byte> output)
    {
        WriteHeaders(output);
        Append(_converter.Convert(samples), countAsInput: true);
        _ogg.Flush(output);
    }

    public void Complete(IBufferWriter<byte> output)
    {
        WriteHeaders(output);
        Append(_converter.Drain(), countAsInput: true);

        // The decoder drops pre-skip samples first, so feed that much silence to get every input sample out,
        // then pad the last frame; the final granule position trims the padding (RFC 7845 §4.4).
        var target = _inputSamples + _preSkip;
        var missing = (int)Math.Max(0, target - _encodedSamples - _frameFill);
        Span<short> silence = stackalloc short[FrameSize];
        while (missing > 0)
        {
            var count = Math.Min(missing, FrameSize);
            Append(silence[..count], countAsInput: false);
            missing -= count;
        }

        if (_frameFill > 0)
        {
            _frame.AsSpan(_frameFill).Clear();
            _frameFill = FrameSize;
        }

        EncodeFrame(endOfStream: true, finalGranule: target);
        _ogg.Flush(output);
    }

    public void Dispose()
    {
        _ogg.Dispose();
        _opus.Dispose();
        _converter.Dispose();
    }

    private void Append(ReadOnlySpan<short> samples, bool countAsInput)
    {
        if (countAsInput)
        {
            _inputSamples += samples.Length;
        }

        while (!samples.IsEmpty)
        {
            EncodeFrame(endOfStream: false, finalGranule: 0);
            var count = Math.Min(samples.Length, FrameSize - _frameFill);
            samples[..count].CopyTo(_frame.AsSpan(_frameFill));
            _frameFill += count;
            samples = samples[count..];
        }

        // Input frames go out at once (streaming); a full frame of padding waits: it may be the last packet.
        if (countAsInput)
        {
            EncodeFrame(endOfStream: false, finalGranule: 0);
        }
    }

    private void EncodeFrame(bool endOfStream, long finalGranule)
    {
        if (_frameFill < FrameSize)
        {
            return;
        }

        int length;
        fixed (short* pcm = _frame)
        fixed (byte* data = _packet)
        {
            length = OpusNative.Encode(_opus, pcm, FrameSize, data, MaxPacket);
        }

        if (length < 0)
        {
            throw new InvalidOperationException($"opus_encode failed ({length}).");
        }

        _encodedSamples += FrameSize;
        _frameFill = 0;
        _ogg.Submit(_packet.AsSpan(0, length), endOfStream ? finalGranule : _encodedSamples, endOfStream);
    }

    private void WriteHeaders(IBufferWriter<byte> output)
    {
        if (_headersWritten)
        {
            return;
        }

        _headersWritten = true;
        Span<byte> head = stackalloc byte[19];
        "OpusHead"u8.CopyTo(head);
        head[8] = 1;
        head[9] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(head[10..], (ushort)_preSkip);
        BinaryPrimitives.WriteUInt32LittleEndian(head[12..], (uint)_inputRate);
        BinaryPrimitives.WriteInt16LittleEndian(head[16..], 0);
        head[18] = 0;
        _ogg.Submit(head, 0);
        _ogg.Flush(output);

        var vendor = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(OpusNative.GetVersionString());
        var tags = new byte[8 + 4 + vendor.Length + 4];
        "OpusTags"u8.CopyTo(tags);
        BinaryPrimitives.WriteInt32LittleEndian(tags.AsSpan(8), vendor.Length);
        vendor.CopyTo(tags.AsSpan(12));
        _ogg.Submit(tags, 0);
        _ogg.Flush(output);
    }
}
