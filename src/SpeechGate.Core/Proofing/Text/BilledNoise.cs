using System.Globalization;

namespace SpeechGate.Proofing.Text;

/// <summary>
/// Characters that are billed but never heard: whitespace runs, blanks at either end, invisible format characters, and
/// text not in NFC. Every fix here is safe: it cannot change the spoken words.
/// </summary>
internal static class BilledNoise
{
    /// <summary>Whether <paramref name="text"/> holds nothing this class would fix (a scan that allocates nothing).</summary>
    public static bool IsClean(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return true;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        var previousSpace = false;
        var beyondLatin = false;
        foreach (var character in text)
        {
            if (character < '\u0080')
            {
                var space = character is ' ' or '\n' or '\t' or '\r';
                if (space && (previousSpace || character != ' ' && character != '\n'))
                {
                    return false;
                }

                previousSpace = space;
                continue;
            }

            if (IsInvisible(character) || char.IsWhiteSpace(character))
            {
                return false;
            }

            previousSpace = false;
            beyondLatin |= character >= '\u0300';
        }

        return !beyondLatin || UnicodeNormalizer.IsNfc(text);
    }

    /// <summary>Adds a finding, with its safe fix, for every piece of billed noise in <paramref name="text"/>.</summary>
    public static void Scan(string text, double creditsPerCharacter, List<ProofFinding> findings)
    {
        var index = 0;
        while (index < text.Length)
        {
            var character = text[index];
            if (char.IsWhiteSpace(character) || IsInvisible(character))
            {
                index = ScanRun(text, index, creditsPerCharacter, findings);
                continue;
            }

            index++;
        }

        ScanNfc(text, creditsPerCharacter, findings);
    }

    /// <summary>Zero-width and format characters that no voice says (ZWJ/ZWNJ stay: scripts need them for shaping).</summary>
    public static bool IsInvisible(char character)
        => character is '\u00AD' or '\u034F' or '\u180E' or '\u200B' or '\u200E' or '\u200F' or '\u2060' or '\u2061' or '\u2062'
            or '\u2063' or '\u2064' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    // A run of whitespace and invisible characters: one finding per invisible character outside whitespace, one per
    // whitespace run that is longer than one plain space (or newline), or sits at either end.
    private static int ScanRun(string text, int start, double rate, List<ProofFinding> findings)
    {
        var end = start;
        var whitespace = 0;
        var newline = false;
        while (end < text.Length && (char.IsWhiteSpace(text[end]) || IsInvisible(text[end])))
        {
            whitespace += char.IsWhiteSpace(text[end]) ? 1 : 0;
            newline |= text[end] == '\n';
            end++;
        }

        if (whitespace == 0)
        {
            for (var i = start; i < end; i++)
            {
                findings.Add(Fix(text, ProofCodes.Invisible, ProofSeverity.Warning, i, 1, $"invisible {Describe(text[i])} is billed but never heard", "", rate));
            }

            return end;
        }

        var edge = start == 0 || end == text.Length;
        var replacement = edge ? "" : newline ? "\n" : " ";
        var length = end - start;
        if (length == 1 && text[start] == replacement.FirstOrDefault())
        {
            return end;
        }

        var invisible = length - whitespace;
        var message = edge ? (start == 0 ? "leading blank" : "trailing blank") + Count(length)
            : length == 1 ? $"{Describe(text[start])} where a plain space says the same"
            : $"run of {length} blank characters" + (invisible > 0 ? $" (with {invisible} invisible)" : "");
        var severity = length == 1 ? ProofSeverity.Info : ProofSeverity.Warning;
        findings.Add(Fix(text, ProofCodes.Whitespace, severity, start, length, message, replacement, rate));
        return end;
    }

    private static void ScanNfc(string text, double rate, List<ProofFinding> findings)
    {
        if (!UnicodeNormalizer.IsAvailable || UnicodeNormalizer.IsNfc(text))
        {
            return;
        }

        // NFC never composes across whitespace, so each word can be normalised (and reported) on its own.
        var start = 0;
        while (start < text.Length)
        {
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var word = text[start..end];
            var normalized = UnicodeNormalizer.ToNfc(word);
            if (!ReferenceEquals(normalized, word) && normalized != word)
            {
                findings.Add(Fix(text, ProofCodes.Nfc, ProofSeverity.Warning, start, end - start,
                    $"'{word}' is not in Unicode NFC (decomposed characters are billed one by one)", normalized, rate));
            }

            start = end;
        }
    }

    private static ProofFinding Fix(string text, string code, ProofSeverity severity, int offset, int length, string message, string replacement, double rate)
    {
        var delta = BilledCharacters.Count(replacement) - BilledCharacters.Count(text.AsSpan(offset, length));
        return new ProofFinding(code, severity, offset, length, message)
        {
            Suggestion = replacement.Length == 0 ? "remove" : replacement == " " ? "one space" : replacement == "\n" ? "one line break" : replacement,
            Replacement = replacement,
            IsSafeFix = true,
            CharacterDelta = delta,
            CreditDelta = delta * rate,
        };
    }

    private static string Count(int length) => length == 1 ? "" : $" ({length} characters)";

    private static string Describe(char character)
        => character switch
        {
            '\u00A0' => "U+00A0 NO-BREAK SPACE",
            '\u202F' => "U+202F NARROW NO-BREAK SPACE",
            '\u2009' => "U+2009 THIN SPACE",
            '\u2007' => "U+2007 FIGURE SPACE",
            '\t' => "tab",
            '\u00AD' => "U+00AD SOFT HYPHEN",
            '\u200B' => "U+200B ZERO WIDTH SPACE",
            '\uFEFF' => "U+FEFF BYTE ORDER MARK",
            '\u2060' => "U+2060 WORD JOINER",
            _ => string.Create(CultureInfo.InvariantCulture, $"U+{(int)character:X4}"),
        };
}
