using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>espeak_EVENT: one entry of the list passed to the synth callback, terminated by type 0.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct EspeakEvent
{
    public const int ListTerminated = 0;
    public const int Word = 1;

    public int Type;
    public uint UniqueIdentifier;

    /// <summary>1-based character (code point) position in the text.</summary>
    public int TextPosition;

    /// <summary>Word length in characters, for word events.</summary>
    public int Length;

    /// <summary>Milliseconds from the start of this synthesis' audio.</summary>
    public int AudioPosition;
    public int Sample;
    public nint UserData;
    public nint Id;
}
