using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>ogg_packet.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OggPacket
{
    public byte* Packet;
    public CLong Bytes;
    public CLong BeginningOfStream;
    public CLong EndOfStream;
    public long GranulePosition;
    public long PacketNumber;
}
