using System.Collections.Concurrent;
using SpeechGate.Proofing.Text;

namespace SpeechGate.Proofing.Spelling;

/// <summary>Checks the words of a text with hunspell, remembering each word's answer for the life of the checker.</summary>
/// <remarks>Thread-safe. Words are letters with inner apostrophes; hyphenated words are checked part by part.</remarks>
public sealed class SpellChecker : IDisposable
{
    private readonly HunspellSpeller _speller;
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _suggestions = new(StringComparer.Ordinal);

    /// <summary>Wraps <paramref name="speller"/> (owned: disposed with the checker).</summary>
    public SpellChecker(HunspellSpeller speller) => _speller = speller ?? throw new ArgumentNullException(nameof(speller));

    /// <summary>The dictionary's language, e.g. <c>en_US</c>.</summary>
    public string Language => _speller.Language;

    /// <summary>Opens the installed dictionary for <paramref name="language"/> (<c>en-US</c>, <c>en</c>, <c>de_DE</c>…), or null if none is installed.</summary>
    /// <param name="language">The language.</param>
    /// <param name="directories">Where to look; default Debian's <c>/usr/share/hunspell</c> and <c>/usr/share/myspell/dicts</c>.</param>
    public static SpellChecker? ForLanguage(string language, IReadOnlyList<string>? directories = null)
        => HunspellDictionaries.Find(language, directories) is { } files ? new SpellChecker(HunspellSpeller.Open(files.Affix, files.Dictionary)) : null;

    /// <summary>Accepts <paramref name="word"/> from now on (project word list, voice names, lexicon graphemes).</summary>
    public void Accept(string word)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(word);
        _speller.Add(word);
        _known.Clear();
    }

    /// <summary>Whether <paramref name="word"/> is spelled right.</summary>
    public bool IsKnown(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _known.GetOrAdd(word, static (w, speller) => speller.Spell(w), _speller);
    }

    /// <summary>Hunspell's suggestions for <paramref name="word"/>, best first.</summary>
    public IReadOnlyList<string> Suggest(string word)
        => _suggestions.GetOrAdd(word, static (w, speller) => speller.Suggest(w), _speller);

    /// <inheritdoc/>
    public void Dispose() => _speller.Dispose();

    internal void Scan(string text, ProofSettings settings, SpanSet claimed, List<ProofFinding> findings)
    {
        var index = 0;
        while (index < text.Length)
        {
            if (!char.IsLetter(text[index]))
            {
                index++;
                continue;
            }

            var start = index;
            var digits = false;
            while (index < text.Length && (char.IsLetter(text[index]) || IsInnerApostrophe(text, index) || char.IsAsciiDigit(text[index])))
            {
                digits |= char.IsAsciiDigit(text[index]);
                index++;
            }

            var length = index - start;
            if (digits || length < 2 || claimed.Overlaps(start, length))
            {
                continue;
            }

            var word = text.Substring(start, length);
            if (IsAllCaps(word) || settings.Accepts(word) || IsKnown(word))
            {
                continue;
            }

            var suggestions = Suggest(word);
            findings.Add(new ProofFinding(ProofCodes.Spelling, ProofSeverity.Warning, start, length, $"'{word}' is not in the {Language} dictionary")
            {
                Suggestion = suggestions.Count == 0 ? "add it to the project's word list" : string.Join(", ", suggestions.Take(3)),
                Replacement = suggestions.Count == 0 ? null : suggestions[0],
                CharacterDelta = suggestions.Count == 0 ? 0 : BilledCharacters.Count(suggestions[0]) - length,
                CreditDelta = suggestions.Count == 0 ? 0 : (BilledCharacters.Count(suggestions[0]) - length) * settings.CreditsPerCharacter,
            });
        }
    }

    private static bool IsInnerApostrophe(string text, int index)
        => text[index] is '\'' or '\u2019' && index > 0 && index + 1 < text.Length && char.IsLetter(text[index - 1]) && char.IsLetter(text[index + 1]);

    private static bool IsAllCaps(string word)
    {
        foreach (var character in word)
        {
            if (char.IsLower(character))
            {
                return false;
            }
        }

        return true;
    }
}
