using System.Net;
using System.Text.RegularExpressions;

namespace SpeechGate.Voiceover;

/// <summary>Caption markup that is displayed, never said: WebVTT/SRT tags, ASS overrides, HTML entities.</summary>
internal static partial class SubtitleMarkup
{
    public static string ToSpokenText(string payload)
    {
        var text = payload.Contains('<', StringComparison.Ordinal) || payload.Contains('{', StringComparison.Ordinal)
            ? Markup().Replace(payload, "")
            : payload;
        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }

        return text.Replace('\n', ' ').Trim();
    }

    public static string? SpeakerOf(string payload)
        => VoiceSpan().Match(payload) is { Success: true } match ? match.Groups["name"].Value.Trim() : null;

    // <i>, </i>, <b>, <u>, <c.class>, <v Name>, <lang en>, <00:00:01.500>, <ruby>/<rt>, <font …>; ASS overrides {\an8}.
    [GeneratedRegex(@"</?(?:[ibu]|c(?:\.[\w.-]+)?|v(?:\.[\w.-]+)?(?:\s[^>]*)?|lang(?:\s[^>]*)?|ruby|rt|font(?:\s[^>]*)?)>|<\d{1,2}(?::\d{2}){1,2}\.\d{3}>|\{\\[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"<v(?:\.[\w.-]+)?\s+(?<name>[^>]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex VoiceSpan();
}
