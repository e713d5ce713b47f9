namespace SpeechGate.Proofing.Spelling;

/// <summary>Finds an installed hunspell dictionary for a language (Debian's <c>hunspell-*</c> packages).</summary>
internal static class HunspellDictionaries
{
    private static readonly string[] DefaultDirectories = ["/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"];

    /// <summary>The <c>.aff</c>/<c>.dic</c> pair for <paramref name="language"/>: the exact region, else any region, else the bare language.</summary>
    public static (string Affix, string Dictionary)? Find(string language, IReadOnlyList<string>? directories = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        var name = language.Replace('-', '_');
        var parts = name.Split('_', 2);
        var exact = parts.Length == 2 ? $"{parts[0].ToLowerInvariant()}_{parts[1].ToUpperInvariant()}" : parts[0].ToLowerInvariant();
        var bare = parts[0].ToLowerInvariant();
        foreach (var directory in directories ?? DefaultDirectories)
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            var candidates = new[] { exact, bare, bare + "_" + bare.ToUpperInvariant() }
                .Concat(Directory.EnumerateFiles(directory, bare + "_*.dic").Order(StringComparer.Ordinal).Select(Path.GetFileNameWithoutExtension).OfType<string>());
            foreach (var candidate in candidates)
            {
                var dictionary = Path.Combine(directory, candidate + ".dic");
                var affix = Path.Combine(directory, candidate + ".aff");
                if (File.Exists(dictionary) && File.Exists(affix))
                {
                    return (affix, dictionary);
                }
            }
        }

        return null;
    }
}
