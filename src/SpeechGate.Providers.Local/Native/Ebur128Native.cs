using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>libebur128 (EBU R128 loudness): integrated loudness and true peak.</summary>
internal static unsafe partial class Ebur128Native
{
    public const string Library = "libebur128.so.1";

    /// <summary>EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK.</summary>
    public const int ModeIntegratedAndTruePeak = 5 | 49;

    [LibraryImport(Library, EntryPoint = "ebur128_init")]
    public static partial nint Init(uint channels, nuint sampleRate, int mode);

    [LibraryImport(Library, EntryPoint = "ebur128_destroy")]
    public static partial void Destroy(ref nint state);

    [LibraryImport(Library, EntryPoint = "ebur128_add_frames_float")]
    public static partial int AddFramesFloat(nint state, float* source, nuint frames);

    [LibraryImport(Library, EntryPoint = "ebur128_loudness_global")]
    public static partial int LoudnessGlobal(nint state, out double loudness);

    [LibraryImport(Library, EntryPoint = "ebur128_true_peak")]
    public static partial int TruePeak(nint state, uint channel, out double peak);
}
