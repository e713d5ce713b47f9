using System.Globalization;

namespace SpeechGate.Voiceover;

/// <summary>Reads and writes cue times: <c>hh:mm:ss,mmm</c> (SRT), <c>[hh:]mm:ss.mmm</c> (WebVTT) or plain seconds.</summary>
public static class CueTime
{
    /// <summary>Parses a cue time into seconds; false when it is not one.</summary>
    public static bool TryParse(string? value, out double seconds)
    {
        seconds = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim().Replace(',', '.');
        if (!text.Contains(':', StringComparison.Ordinal))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && seconds >= 0;
        }

        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3)
        {
            return false;
        }

        double total = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            if (!double.TryParse(parts[i], last ? NumberStyles.AllowDecimalPoint : NumberStyles.None, CultureInfo.InvariantCulture, out var part)
                || (i > 0 && part >= 60))
            {
                return false;
            }

            total = (total * 60) + part;
        }

        seconds = total;
        return true;
    }

    /// <summary>Parses a pause such as <c>500ms</c>, <c>1.5s</c> or <c>500</c> (milliseconds) into milliseconds.</summary>
    public static bool TryParsePause(string? value, out int milliseconds)
    {
        milliseconds = 0;
        var text = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || parsed < 0 || parsed * scale > 600_000)
        {
            return false;
        }

        milliseconds = (int)Math.Round(parsed * scale);
        return true;
    }

    /// <summary>Formats milliseconds as an SRT time, <c>hh:mm:ss,mmm</c>.</summary>
    public static string Srt(long milliseconds) => Format(milliseconds, ',');

    /// <summary>Formats milliseconds as a WebVTT time, <c>hh:mm:ss.mmm</c>.</summary>
    public static string Vtt(long milliseconds) => Format(milliseconds, '.');

    private static string Format(long milliseconds, char separator)
    {
        var time = TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        return string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}{separator}{time.Milliseconds:000}");
    }
}
