namespace SpeechGate.Providers.Local.Native;

/// <summary>eSpeak NG's C API constants (speak_lib.h); the functions are reached per loaded copy, see <see cref="EspeakLibrary"/>.</summary>
internal static class EspeakNative
{
    public const string Library = "libespeak-ng.so.1";

    public const int AudioOutputSynchronous = 2;
    public const int InitializeDontExit = 0x8000;
    public const int PositionCharacter = 1;
    public const uint CharsUtf8 = 1;
    public const uint EndPause = 0x1000;
    public const int ParameterRate = 1;
    public const int RateMinimum = 80;
    // Above 450 words per minute eSpeak NG speeds up through libsonic; 990 is the highest rate it accepts.
    public const int RateMaximum = 990;
    public const int RateNormal = 175;
}
