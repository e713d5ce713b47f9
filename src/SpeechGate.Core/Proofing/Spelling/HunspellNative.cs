using System.Runtime.InteropServices;

namespace SpeechGate.Proofing.Spelling;

/// <summary>libhunspell's C API (hunspell.h), from Debian's <c>libhunspell-1.7-0</c>.</summary>
internal static partial class HunspellNative
{
    public const string Library = "libhunspell-1.7.so.0";

    [LibraryImport(Library, EntryPoint = "Hunspell_create", StringMarshalling = StringMarshalling.Utf8)]
    public static partial HunspellHandle Create(string affixPath, string dictionaryPath);

    [LibraryImport(Library, EntryPoint = "Hunspell_destroy")]
    public static partial void Destroy(IntPtr handle);

    [LibraryImport(Library, EntryPoint = "Hunspell_spell")]
    public static partial int Spell(HunspellHandle handle, ReadOnlySpan<byte> word);

    [LibraryImport(Library, EntryPoint = "Hunspell_suggest")]
    public static partial int Suggest(HunspellHandle handle, out IntPtr suggestions, ReadOnlySpan<byte> word);

    [LibraryImport(Library, EntryPoint = "Hunspell_free_list")]
    public static partial void FreeList(HunspellHandle handle, ref IntPtr list, int count);

    [LibraryImport(Library, EntryPoint = "Hunspell_add")]
    public static partial int Add(HunspellHandle handle, ReadOnlySpan<byte> word);

    [LibraryImport(Library, EntryPoint = "Hunspell_get_dic_encoding")]
    public static partial IntPtr GetDictionaryEncoding(HunspellHandle handle);
}
