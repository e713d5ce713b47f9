using System.Runtime.InteropServices;
using System.Text;

namespace SpeechGate.Proofing.Spelling;

/// <summary>One hunspell dictionary (an <c>.aff</c>/<c>.dic</c> pair) loaded through the real libhunspell.</summary>
/// <remarks>Thread-safe: libhunspell's handle is not, so every call takes the instance's lock.</remarks>
public sealed class HunspellSpeller : IDisposable
{
    private readonly HunspellHandle _handle;
    private readonly Encoding _encoding;
    private readonly Lock _lock = new();

    private HunspellSpeller(HunspellHandle handle, Encoding encoding, string language)
    {
        _handle = handle;
        _encoding = encoding;
        Language = language;
    }

    /// <summary>The dictionary's language, e.g. <c>en_US</c>.</summary>
    public string Language { get; }

    /// <summary>Loads <paramref name="affixPath"/> and <paramref name="dictionaryPath"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DllNotFoundException">libhunspell is not installed.</exception>
    public static HunspellSpeller Open(string affixPath, string dictionaryPath)
    {
        foreach (var path in (string[])[affixPath, dictionaryPath])
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"No hunspell dictionary file {path}.", path);
            }
        }

        var handle = HunspellNative.Create(affixPath, dictionaryPath);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new InvalidOperationException($"libhunspell could not load {dictionaryPath}.");
        }

        var encodingName = Marshal.PtrToStringUTF8(HunspellNative.GetDictionaryEncoding(handle)) ?? "UTF-8";
        var encoding = encodingName.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8 : Encoding.Latin1;
        return new HunspellSpeller(handle, encoding, Path.GetFileNameWithoutExtension(dictionaryPath));
    }

    /// <summary>Whether <paramref name="word"/> is spelled correctly.</summary>
    public bool Spell(ReadOnlySpan<char> word)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encode(word, buffer);
        lock (_lock)
        {
            return HunspellNative.Spell(_handle, bytes) != 0;
        }
    }

    /// <summary>Hunspell's suggestions for <paramref name="word"/>, best first.</summary>
    public IReadOnlyList<string> Suggest(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encode(word, buffer);
        lock (_lock)
        {
            var count = HunspellNative.Suggest(_handle, out var list, bytes);
            if (count <= 0 || list == IntPtr.Zero)
            {
                return [];
            }

            try
            {
                var suggestions = new string[count];
                for (var i = 0; i < count; i++)
                {
                    suggestions[i] = Decode(Marshal.ReadIntPtr(list, i * IntPtr.Size));
                }

                return suggestions;
            }
            finally
            {
                HunspellNative.FreeList(_handle, ref list, count);
            }
        }
    }

    /// <summary>Accepts <paramref name="word"/> for the life of this instance (a project word list, a voice name).</summary>
    public void Add(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encode(word, buffer);
        lock (_lock)
        {
            _ = HunspellNative.Add(_handle, bytes);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _handle.Dispose();

    // NUL-terminated, in the dictionary's encoding; long words spill to the heap.
    private ReadOnlySpan<byte> Encode(ReadOnlySpan<char> word, Span<byte> buffer)
    {
        var needed = _encoding.GetMaxByteCount(word.Length) + 1;
        var target = needed <= buffer.Length ? buffer : new byte[needed];
        var written = _encoding.GetBytes(word, target);
        target[written] = 0;
        return target[..(written + 1)];
    }

    private string Decode(IntPtr text)
    {
        var length = 0;
        while (Marshal.ReadByte(text, length) != 0)
        {
            length++;
        }

        var bytes = new byte[length];
        Marshal.Copy(text, bytes, 0, length);
        return _encoding.GetString(bytes);
    }
}
