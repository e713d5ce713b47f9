using System.Runtime.InteropServices;

namespace SpeechGate.Providers.Local.Native;

/// <summary>espeak_VOICE, as returned by espeak_ListVoices; the strings belong to the library.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct EspeakVoiceEntry
{
    public byte* Name;

    /// <summary>Pairs of (priority byte, zero-terminated language), ended by a zero byte.</summary>
    public byte* Languages;
    public byte* Identifier;
    public byte Gender;
    public byte Age;
    public byte Variant;
    public byte Reserved;
    public int Score;
    public void* Spare;
}
