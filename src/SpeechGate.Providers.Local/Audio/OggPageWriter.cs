using System.Buffers;
using SpeechGate.Providers.Local.Native;

namespace SpeechGate.Providers.Local.Audio;

/// <summary>Frames packets into Ogg pages of one logical stream with libogg.</summary>
internal sealed unsafe class OggPageWriter(int serialNumber) : IDisposable
{
    private readonly OggStreamHandle _stream = OggStreamHandle.Create(serialNumber);
    private long _packetNumber;

    public void Submit(ReadOnlySpan<byte> data, long granulePosition, bool endOfStream = false)
    {
        fixed (byte* bytes = data)
        {
            var packet = new OggPacket
            {
                Packet = bytes,
                Bytes = new(data.Length),
                BeginningOfStream = new(_packetNumber == 0 ? 1 : 0),
                EndOfStream = new(endOfStream ? 1 : 0),
                GranulePosition = granulePosition,
                PacketNumber = _packetNumber++,
            };
            if (OggNative.PacketIn(_stream, &packet) != 0)
            {
                throw new InvalidOperationException("ogg_stream_packetin failed.");
            }
        }
    }

    /// <summary>Writes every submitted packet out as complete pages, so a stream reader gets them now.</summary>
    public void Flush(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        OggPage page;
        while (OggNative.Flush(_stream, &page) != 0)
        {
            output.Write(new ReadOnlySpan<byte>(page.Header, (int)page.HeaderLength.Value));
            output.Write(new ReadOnlySpan<byte>(page.Body, (int)page.BodyLength.Value));
        }
    }

    public void Dispose() => _stream.Dispose();
}
