using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>libsonic's time-stretching API (sonic.h), the library eSpeak NG itself uses to speak faster.</summary>
internal static unsafe partial class SonicNative
{
    public const string Library = "libsonic.so.0";

    [LibraryImport(Library, EntryPoint = "sonicCreateStream")]
    public static partial nint CreateStream(int sampleRate, int channels);

    [LibraryImport(Library, EntryPoint = "sonicDestroyStream")]
    public static partial void DestroyStream(nint stream);

    [LibraryImport(Library, EntryPoint = "sonicSetSpeed")]
    public static partial void SetSpeed(nint stream, float speed);

    [LibraryImport(Library, EntryPoint = "sonicWriteShortToStream")]
    public static partial int WriteShort(nint stream, short* samples, int count);

    [LibraryImport(Library, EntryPoint = "sonicFlushStream")]
    public static partial int Flush(nint stream);

    [LibraryImport(Library, EntryPoint = "sonicSamplesAvailable")]
    public static partial int SamplesAvailable(nint stream);

    [LibraryImport(Library, EntryPoint = "sonicReadShortFromStream")]
    public static partial int ReadShort(nint stream, short* samples, int maximum);
}
