using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>libsoxr's streaming resampler API (soxr.h).</summary>
internal static unsafe partial class SoxrNative
{
    public const string Library = "libsoxr.so.0";
    public const int Int16Interleaved = 3;
    public const uint NoDither = 8;

    [LibraryImport(Library, EntryPoint = "soxr_create")]
    public static partial nint Create(
        double inputRate, double outputRate, uint channels, out nint error, SoxrIoSpec* ioSpec, void* qualitySpec, void* runtimeSpec);

    [LibraryImport(Library, EntryPoint = "soxr_process")]
    public static partial nint Process(
        SoxrHandle resampler, short* input, nuint inputLength, out nuint inputDone, short* output, nuint outputLength, out nuint outputDone);

    [LibraryImport(Library, EntryPoint = "soxr_delete")]
    public static partial void Delete(nint resampler);
}
