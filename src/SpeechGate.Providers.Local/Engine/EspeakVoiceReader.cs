using System.Runtime.InteropServices;
using SpeechGate.Providers.Local.Native;

namespace SpeechGate.Providers.Local.Engine;

/// <summary>Copies espeak_ListVoices' table into managed records (the caller owns the loaded copy).</summary>
internal static unsafe class EspeakVoiceReader
{
    public static IReadOnlyList<EspeakVoice> ReadAll(EspeakLibrary library)
    {
        var voices = new List<EspeakVoice>();
        var table = library.ListVoices(null);
        for (var entry = table; entry != null && *entry != null; entry++)
        {
            var voice = *entry;
            var identifier = Marshal.PtrToStringUTF8((nint)voice->Identifier);
            if (string.IsNullOrEmpty(identifier))
            {
                continue;
            }

            // languages: a priority byte, then the zero-terminated code; the first is the preferred one.
            var language = voice->Languages == null ? "" : Marshal.PtrToStringUTF8((nint)(voice->Languages + 1)) ?? "";
            var name = Marshal.PtrToStringUTF8((nint)voice->Name) ?? identifier;
            voices.Add(new EspeakVoice(identifier, name, language, voice->Gender));
        }

        return voices;
    }
}
