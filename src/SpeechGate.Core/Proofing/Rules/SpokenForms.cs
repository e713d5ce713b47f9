using System.Globalization;
using System.Text.RegularExpressions;
using SpeechGate.Proofing.Text;

namespace SpeechGate.Proofing.Rules;

/// <summary>
/// Things voices read wrongly or unpredictably (numbers, money, dates, times, units, phone numbers, addresses,
/// acronyms, abbreviations): each flagged with its spoken form and the billed characters that form adds.
/// </summary>
/// <remarks>The first rule to claim a span wins (an e-mail address is not also a number).</remarks>
internal static partial class SpokenForms
{
    public static void Scan(string text, ProofSettings settings, SpanSet claimed, List<ProofFinding> findings)
    {
        var scan = new Scanner(text, settings, claimed, findings);
        scan.Each(Url(), ProofCodes.Url, ProofSeverity.Info, match => SpellOutAddress(match.Value), "a voice reads web addresses symbol by symbol");
        scan.Each(Email(), ProofCodes.Email, ProofSeverity.Info, match => SpellOutAddress(match.Value), "a voice reads e-mail addresses symbol by symbol");
        scan.Each(IsoDate(), ProofCodes.Date, ProofSeverity.Info, IsoDateWords, "dates in digits are read as numbers");
        scan.Each(SlashDate(), ProofCodes.Date, ProofSeverity.Warning, _ => null, "ambiguous date (3/5 is March 5 in the US, 3 May elsewhere): write the month as a word");
        scan.Each(TimeOfDay(), ProofCodes.Time, ProofSeverity.Info, TimeWords, "times in digits may be read as numbers");
        scan.Each(Phone(), ProofCodes.Phone, ProofSeverity.Info, PhoneWords, "phone numbers are read as one large number unless grouped");
        scan.Each(Currency(), ProofCodes.Currency, ProofSeverity.Info,
            match => SpokenWords.Money(match.Groups["symbol"].Value[0], match.Groups["amount"].Value, match.Groups["scale"].Value), "money in symbols and digits");
        scan.Each(Percent(), ProofCodes.Number, ProofSeverity.Info, match => SpokenWords.Number(match.Groups["number"].Value) + " percent", "percentages in symbols");
        scan.Each(Quantity(), ProofCodes.Unit, ProofSeverity.Info, UnitWords, "unit symbols are read letter by letter or guessed");
        scan.Each(OrdinalNumber(), ProofCodes.Number, ProofSeverity.Info,
            match => int.TryParse(match.Groups["number"].Value, CultureInfo.InvariantCulture, out var value) ? SpokenWords.Ordinal(value) : null, "ordinal in digits");
        scan.Each(Year(), ProofCodes.Number, ProofSeverity.Info, match => SpokenWords.Year(int.Parse(match.Value, CultureInfo.InvariantCulture)), "a year in digits");
        scan.Each(Number(), ProofCodes.Number, ProofSeverity.Info, match => SpokenWords.Number(match.Value), "a number in digits");
        scan.Each(Abbreviations.Pattern, ProofCodes.Abbreviation, ProofSeverity.Warning, match => AbbreviationWords(text, match), "abbreviations are read as written or guessed");
        scan.Each(Acronym(), ProofCodes.Acronym, ProofSeverity.Info, AcronymWords, "all capitals: spelled out letter by letter or read as a word?");
    }

    private static string? IsoDateWords(Match match)
        => DateOnly.TryParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? SpokenWords.Date(date) : null;

    private static string? TimeWords(Match match)
        => SpokenWords.Time(int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture), match.Groups["suffix"].Value);

    private static string PhoneWords(Match match)
    {
        var groups = match.Value.Split([' ', '-', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(", ", groups.Select(group => (group.StartsWith('+') ? "plus " : "") + SpokenWords.DigitByDigit(group)));
    }

    private static string? UnitWords(Match match)
    {
        var (one, many) = Units.Names[match.Groups["unit"].Value];
        var number = match.Groups["number"].Value;
        return SpokenWords.Number(number) is { } words ? $"{words} {(number == "1" ? one : many)}" : null;
    }

    // "Dr. Smith": before a name the first meaning (Doctor, Saint) is the likely one; otherwise the writer chooses.
    private static string? AbbreviationWords(string text, Match match)
    {
        if (!Abbreviations.All.TryGetValue(match.Value, out var meanings))
        {
            return null;
        }

        var next = match.Index + match.Length + 1;
        var beforeName = next < text.Length && char.IsUpper(text[next]);
        return meanings.Length == 1 || beforeName ? meanings[0] : string.Join(" or ", meanings);
    }

    private static string? AcronymWords(Match match) => null;

    private static string SpellOutAddress(string address)
    {
        var text = Scheme().Replace(address, "");
        return text.TrimEnd('/').Replace(".", " dot ", StringComparison.Ordinal).Replace("@", " at ", StringComparison.Ordinal)
            .Replace("/", " slash ", StringComparison.Ordinal).Replace("-", " dash ", StringComparison.Ordinal).Replace("_", " underscore ", StringComparison.Ordinal);
    }

    private sealed class Scanner(string text, ProofSettings settings, SpanSet claimed, List<ProofFinding> findings)
    {
        public void Each(Regex pattern, string code, ProofSeverity severity, Func<Match, string?> spoken, string message)
        {
            if (settings.Ignores(code))
            {
                return;
            }

            foreach (Match match in pattern.Matches(text))
            {
                if (claimed.Overlaps(match.Index, match.Length) || settings.Accepts(match.Value))
                {
                    continue;
                }

                claimed.Add(match.Index, match.Length);
                if (code == ProofCodes.Acronym && Acronyms.Ignored.Contains(match.Value))
                {
                    continue;
                }

                var words = spoken(match);
                var single = words is not null && !words.Contains(" or ", StringComparison.Ordinal);
                var delta = words is null ? 0 : BilledCharacters.Count(single ? words : words.Split(" or ")[0]) - BilledCharacters.Count(match.Value);
                findings.Add(new ProofFinding(code, severity, match.Index, match.Length, $"'{match.Value}': {message}")
                {
                    Suggestion = words ?? (code == ProofCodes.Acronym ? "add it to the lexicon (alias) or word list" : null),
                    Replacement = single ? words : null,
                    CharacterDelta = delta,
                    CreditDelta = delta * settings.CreditsPerCharacter,
                });
            }
        }
    }

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""']+[^\s<>""'.,;:!?)]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"^https?://(?:www\.)?|^www\.", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{2,4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"\b(?<hour>[01]?\d|2[0-3]):(?<minute>[0-5]\d)(?<suffix>\s?(?:[AaPp]\.?[Mm]\.?))?(?![\w:])", RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])\d{3,4}[ .-]\d{3,4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<symbol>[$€£¥])\s?(?<amount>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<scale>thousand|million|billion|trillion|bn|mn|[kKmMbB])\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex Currency();

    [GeneratedRegex(@"(?<![\w.])(?<number>\d+(?:\.\d+)?)\s?%", RegexOptions.CultureInvariant)]
    private static partial Regex Percent();

    [GeneratedRegex(@"(?<![\w.])(?<number>\d+(?:\.\d+)?)\s?(?<unit>km/h|mph|kWh|km|kg|mg|ml|cm|mm|m|g|l|lb|lbs|oz|ft|mi|GB|MB|TB|kB|Hz|kHz|MHz|GHz|°C|°F|W|kW|V)(?![\w°])", RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\b(?<number>\d+)(?:st|nd|rd|th)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalNumber();

    [GeneratedRegex(@"(?<![\w.,])(?:1[1-9]|20)\d{2}(?![\w.,]\d|\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    // Three digits or more, thousands separators or decimals; one- and two-digit integers are read reliably.
    [GeneratedRegex(@"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d{3,})(?![\w]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\b[A-Z]{2,6}s?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Acronym();
}
