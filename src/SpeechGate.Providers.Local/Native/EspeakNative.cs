using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>eSpeak NG's C API (speak_lib.h). Every call touches process-wide state: callers hold the engine's lock.</summary>
internal static unsafe partial class EspeakNative
{
    public const string Library = "libespeak-ng.so.1";

    public const int AudioOutputSynchronous = 2;
    public const int InitializeDontExit = 0x8000;
    public const int PositionCharacter = 1;
    public const uint CharsUtf8 = 1;
    public const uint EndPause = 0x1000;
    public const int ParameterRate = 1;
    public const int RateMinimum = 80;
    public const int RateMaximum = 450;
    public const int RateNormal = 175;

    [LibraryImport(Library, EntryPoint = "espeak_Initialize", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Initialize(int output, int bufferLengthMs, string? path, int options);

    [LibraryImport(Library, EntryPoint = "espeak_SetSynthCallback")]
    public static partial void SetSynthCallback(delegate* unmanaged[Cdecl]<short*, int, EspeakEvent*, int> callback);

    [LibraryImport(Library, EntryPoint = "espeak_SetVoiceByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetVoiceByName(string name);

    [LibraryImport(Library, EntryPoint = "espeak_SetParameter")]
    public static partial int SetParameter(int parameter, int value, int relative);

    [LibraryImport(Library, EntryPoint = "espeak_Synth")]
    public static partial int Synth(
        byte* text, nuint size, uint position, int positionType, uint endPosition, uint flags, uint* uniqueIdentifier, void* userData);

    [LibraryImport(Library, EntryPoint = "espeak_ListVoices")]
    public static partial EspeakVoiceEntry** ListVoices(EspeakVoiceEntry* voiceSpec);
}
