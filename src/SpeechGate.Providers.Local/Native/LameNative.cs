using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>libmp3lame's encoder API (lame.h).</summary>
internal static unsafe partial class LameNative
{
    public const string Library = "libmp3lame.so.0";
    public const int ModeMono = 3;

    [LibraryImport(Library, EntryPoint = "lame_init")]
    public static partial nint Init();

    [LibraryImport(Library, EntryPoint = "lame_close")]
    public static partial int Close(nint flags);

    [LibraryImport(Library, EntryPoint = "lame_set_in_samplerate")]
    public static partial int SetInSampleRate(LameHandle flags, int rate);

    [LibraryImport(Library, EntryPoint = "lame_set_out_samplerate")]
    public static partial int SetOutSampleRate(LameHandle flags, int rate);

    [LibraryImport(Library, EntryPoint = "lame_set_num_channels")]
    public static partial int SetChannels(LameHandle flags, int channels);

    [LibraryImport(Library, EntryPoint = "lame_set_mode")]
    public static partial int SetMode(LameHandle flags, int mode);

    [LibraryImport(Library, EntryPoint = "lame_set_brate")]
    public static partial int SetBitrate(LameHandle flags, int kbps);

    [LibraryImport(Library, EntryPoint = "lame_set_bWriteVbrTag")]
    public static partial int SetWriteVbrTag(LameHandle flags, int write);

    [LibraryImport(Library, EntryPoint = "lame_init_params")]
    public static partial int InitParams(LameHandle flags);

    [LibraryImport(Library, EntryPoint = "lame_encode_buffer")]
    public static partial int EncodeBuffer(LameHandle flags, short* left, short* right, int samples, byte* output, int outputSize);

    [LibraryImport(Library, EntryPoint = "lame_encode_flush")]
    public static partial int EncodeFlush(LameHandle flags, byte* output, int outputSize);
}
