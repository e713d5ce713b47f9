using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>ogg_page: pointers into the stream state's buffers, valid until the next call on that stream.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OggPage
{
    public byte* Header;
    public CLong HeaderLength;
    public byte* Body;
    public CLong BodyLength;
}
