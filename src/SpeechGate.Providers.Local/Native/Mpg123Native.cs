using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>libmpg123's decoder API (mpg123.h): open a file, read decoded samples.</summary>
internal static unsafe partial class Mpg123Native
{
    public const string Library = "libmpg123.so.0";
    public const int Ok = 0;
    public const int Done = -12;
    public const int NewFormat = -11;
    public const int NeedMore = -10;
    public const int AddFlags = 2;
    public const int FlagQuiet = 0x20;
    public const int Mono = 1;
    public const int EncodingFloat32 = 0x200;

    [LibraryImport(Library, EntryPoint = "mpg123_init")]
    public static partial int Init();

    [LibraryImport(Library, EntryPoint = "mpg123_new")]
    public static partial nint New(nint decoder, out int error);

    [LibraryImport(Library, EntryPoint = "mpg123_delete")]
    public static partial void Delete(nint handle);

    [LibraryImport(Library, EntryPoint = "mpg123_param")]
    public static partial int Param(Mpg123Handle handle, int type, nint value, double floatValue);

    [LibraryImport(Library, EntryPoint = "mpg123_format_none")]
    public static partial int FormatNone(Mpg123Handle handle);

    [LibraryImport(Library, EntryPoint = "mpg123_format")]
    public static partial int Format(Mpg123Handle handle, nint rate, int channels, int encodings);

    [LibraryImport(Library, EntryPoint = "mpg123_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(Mpg123Handle handle, string path);

    [LibraryImport(Library, EntryPoint = "mpg123_close")]
    public static partial int Close(Mpg123Handle handle);

    [LibraryImport(Library, EntryPoint = "mpg123_getformat")]
    public static partial int GetFormat(Mpg123Handle handle, out nint rate, out int channels, out int encoding);

    [LibraryImport(Library, EntryPoint = "mpg123_read")]
    public static partial int Read(Mpg123Handle handle, byte* output, nuint size, out nuint done);

    [LibraryImport(Library, EntryPoint = "mpg123_plain_strerror")]
    public static partial nint PlainError(int error);

    public static string Describe(int error) => Marshal.PtrToStringUTF8(PlainError(error)) ?? $"error {error}";
}
