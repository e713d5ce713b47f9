using System.Globalization;
using System.Text;
using Humanizer;

namespace SpeechGate.Proofing.Rules;

/// <summary>Writes numbers, money, years, times and dates out as English words (Humanizer for the number words).</summary>
internal static class SpokenWords
{
    private static readonly string[] Digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>"1,234.5" → "one thousand two hundred and thirty-four point five"; null when it is not a number.</summary>
    public static string? Number(string written)
    {
        var plain = written.Replace(",", "", StringComparison.Ordinal);
        var point = plain.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? plain : plain[..point];
        if (!long.TryParse(whole.Length == 0 ? "0" : whole, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var words = value.ToWords();
        return point < 0 || point == plain.Length - 1 ? words : words + " point " + DigitByDigit(plain.AsSpan(point + 1));
    }

    /// <summary>Digits one by one: "4567" → "four five six seven".</summary>
    public static string DigitByDigit(ReadOnlySpan<char> digits)
    {
        var builder = new StringBuilder();
        foreach (var character in digits)
        {
            if (char.IsAsciiDigit(character))
            {
                builder.Append(builder.Length == 0 ? "" : " ").Append(Digits[character - '0']);
            }
        }

        return builder.ToString();
    }

    /// <summary>"$" + "1,000,000" → "one million dollars"; "$" + "12.50" → "twelve dollars and fifty cents".</summary>
    public static string? Money(char symbol, string amount, string? scale)
    {
        var (one, many, cent, cents) = symbol switch
        {
            '$' => ("dollar", "dollars", "cent", "cents"),
            '€' => ("euro", "euros", "cent", "cents"),
            '£' => ("pound", "pounds", "penny", "pence"),
            _ => ("yen", "yen", "sen", "sen"),
        };
        var plain = amount.Replace(",", "", StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(scale))
        {
            var scaleWord = scale.ToLowerInvariant() switch
            {
                "k" or "thousand" => "thousand",
                "m" or "mn" or "million" => "million",
                "b" or "bn" or "billion" => "billion",
                _ => "trillion",
            };
            return Number(plain) is { } number ? $"{number} {scaleWord} {many}" : null;
        }

        var parts = plain.Split('.');
        if (!long.TryParse(parts[0].Length == 0 ? "0" : parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var units))
        {
            return null;
        }

        var text = $"{units.ToWords()} {(units == 1 ? one : many)}";
        if (parts.Length == 2 && parts[1].Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hundredths) && hundredths > 0)
        {
            text += $" and {hundredths.ToWords()} {(hundredths == 1 ? cent : cents)}";
        }
        else if (parts.Length == 2 && parts[1].TrimEnd('0').Length > 0)
        {
            text = $"{Number(plain)} {many}";
        }

        return text;
    }

    /// <summary>A year as people say it: 1999 → "nineteen ninety-nine", 2005 → "two thousand five", 2026 → "twenty twenty-six".</summary>
    public static string Year(int year)
    {
        var century = year / 100;
        var rest = year % 100;
        if (year is >= 2000 and < 2010)
        {
            return rest == 0 ? "two thousand" : $"two thousand {rest.ToWords()}";
        }

        return rest switch
        {
            0 => $"{century.ToWords()} hundred",
            < 10 => $"{century.ToWords()} oh {rest.ToWords()}",
            _ => $"{century.ToWords()} {rest.ToWords()}",
        };
    }

    /// <summary>"10:30" → "ten thirty", "9:05" → "nine oh five", "7:00" → "seven o'clock"; a suffix such as "p.m." is kept.</summary>
    public static string Time(int hour, int minute, string? suffix)
    {
        var minutes = minute switch
        {
            0 => string.IsNullOrEmpty(suffix) ? " o'clock" : "",
            < 10 => " oh " + minute.ToWords(),
            _ => " " + minute.ToWords(),
        };
        return hour.ToWords() + minutes + (string.IsNullOrEmpty(suffix) ? "" : " " + suffix.Trim());
    }

    /// <summary>"2026-03-05" → "March fifth, twenty twenty-six".</summary>
    public static string Date(DateOnly date)
        => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month)} {date.Day.ToOrdinalWords()}, {Year(date.Year)}";

    /// <summary>"21st" → "twenty-first".</summary>
    public static string Ordinal(int value) => value.ToOrdinalWords();
}
