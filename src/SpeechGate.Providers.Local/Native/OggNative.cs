using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>libogg's stream (page framing) API (ogg.h).</summary>
internal static unsafe partial class OggNative
{
    public const string Library = "libogg.so.0";

    // sizeof(ogg_stream_state) is 408 bytes on LP64; ogg_stream_init clears the whole struct, so we allocate with room.
    public const int StreamStateSize = 512;

    [LibraryImport(Library, EntryPoint = "ogg_stream_init")]
    public static partial int StreamInit(nint state, int serialNumber);

    [LibraryImport(Library, EntryPoint = "ogg_stream_clear")]
    public static partial int StreamClear(nint state);

    [LibraryImport(Library, EntryPoint = "ogg_stream_packetin")]
    public static partial int PacketIn(OggStreamHandle state, OggPacket* packet);

    [LibraryImport(Library, EntryPoint = "ogg_stream_pageout")]
    public static partial int PageOut(OggStreamHandle state, OggPage* page);

    [LibraryImport(Library, EntryPoint = "ogg_stream_flush")]
    public static partial int Flush(OggStreamHandle state, OggPage* page);
}
