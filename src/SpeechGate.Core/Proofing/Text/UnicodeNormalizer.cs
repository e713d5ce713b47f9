using System.Runtime.InteropServices;

namespace SpeechGate.Proofing.Text;

/// <summary>
/// NFC through ICU's <c>unorm2</c> (Debian's <c>libicu</c>, loaded by whatever version is installed): the processes run
/// with invariant globalization, where <see cref="string.Normalize()"/> does nothing.
/// </summary>
/// <remarks>Thread-safe: ICU's normalizer instances are immutable.</remarks>
internal static unsafe class UnicodeNormalizer
{
    private const int BufferOverflowError = 15;

    private static readonly Icu? Library = Icu.TryLoad();

    /// <summary>Whether ICU was found (without it, text is treated as already normalised).</summary>
    public static bool IsAvailable => Library is not null;

    /// <summary>Whether <paramref name="text"/> is in NFC; text below U+0300 always is.</summary>
    public static bool IsNfc(ReadOnlySpan<char> text)
    {
        if (Library is null || !NeedsCheck(text))
        {
            return true;
        }

        var error = 0;
        fixed (char* characters = text)
        {
            var normalized = Library.IsNormalized(Library.Nfc, characters, text.Length, &error);
            return error > 0 || normalized != 0;
        }
    }

    /// <summary>The NFC form of <paramref name="text"/> (the same instance when it already is).</summary>
    public static string ToNfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsNfc(text))
        {
            return text;
        }

        var capacity = text.Length + 16;
        while (true)
        {
            var buffer = new char[capacity];
            var error = 0;
            int length;
            fixed (char* source = text)
            fixed (char* destination = buffer)
            {
                length = Library!.Normalize(Library.Nfc, source, text.Length, destination, capacity, &error);
            }

            if (error == BufferOverflowError)
            {
                capacity = length + 1;
                continue;
            }

            return error > 0 ? text : new string(buffer, 0, length);
        }
    }

    // Everything below U+0300 is NFC-stable; most scripts never get past this scan.
    private static bool NeedsCheck(ReadOnlySpan<char> text)
    {
        foreach (var character in text)
        {
            if (character >= '\u0300')
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Icu
    {
        public IntPtr Nfc { get; private init; }

        public delegate* unmanaged<IntPtr, char*, int, char*, int, int*, int> Normalize { get; private init; }

        public delegate* unmanaged<IntPtr, char*, int, int*, sbyte> IsNormalized { get; private init; }

        public static Icu? TryLoad()
        {
            // ICU suffixes every symbol with its major version (unorm2_normalize_72); Debian ships one of them.
            for (var version = 90; version >= 60; version--)
            {
                if (!NativeLibrary.TryLoad($"libicuuc.so.{version}", out var handle))
                {
                    continue;
                }

                if (NativeLibrary.TryGetExport(handle, $"unorm2_getNFCInstance_{version}", out var getNfc)
                    && NativeLibrary.TryGetExport(handle, $"unorm2_normalize_{version}", out var normalize)
                    && NativeLibrary.TryGetExport(handle, $"unorm2_isNormalized_{version}", out var isNormalized))
                {
                    var error = 0;
                    var nfc = ((delegate* unmanaged<int*, IntPtr>)getNfc)(&error);
                    if (error <= 0 && nfc != IntPtr.Zero)
                    {
                        return new Icu
                        {
                            Nfc = nfc,
                            Normalize = (delegate* unmanaged<IntPtr, char*, int, char*, int, int*, int>)normalize,
                            IsNormalized = (delegate* unmanaged<IntPtr, char*, int, int*, sbyte>)isNormalized,
                        };
                    }
                }
            }

            return null;
        }
    }
}
