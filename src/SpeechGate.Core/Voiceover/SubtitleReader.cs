using System.Globalization;
using System.Text.RegularExpressions;
using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover;

/// <summary>Parses SRT and WebVTT files into cues (used by scripts, proofing and render).</summary>
/// <remarks>
/// Lenient where players are (a missing SRT counter, <c>.</c> or <c>,</c> before milliseconds, cue settings after the
/// times); strict where a file is not captions at all: a bad timing line is a 422 naming the file and line.
/// </remarks>
public static partial class SubtitleReader
{
    /// <summary>Whether <paramref name="name"/> has a caption extension (<c>.srt</c>, <c>.vtt</c>).</summary>
    public static bool IsSubtitleFile(string name)
        => Path.GetExtension(name).ToLowerInvariant() is ".srt" or ".vtt";

    /// <summary>Parses <paramref name="content"/>; <paramref name="name"/> picks WebVTT (<c>.vtt</c>) or SRT and names errors.</summary>
    /// <exception cref="SpeechException">422: a timing line is malformed, or a WebVTT file lacks its header.</exception>
    public static IReadOnlyList<SubtitleCue> Parse(string content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        var webVtt = Path.GetExtension(name).Equals(".vtt", StringComparison.OrdinalIgnoreCase);
        var lines = SplitLines(content.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF'), out var offsets);
        var index = 0;
        if (webVtt)
        {
            if (lines.Count == 0 || !lines[0].StartsWith("WEBVTT", StringComparison.Ordinal))
            {
                throw SpeechException.Validation("script", $"{name}:1: a WebVTT file starts with 'WEBVTT'.");
            }

            index = SkipBlock(lines, 0);
        }

        var cues = new List<SubtitleCue>();
        while (index < lines.Count)
        {
            if (lines[index].Length == 0)
            {
                index++;
                continue;
            }

            if (webVtt && IsVttMetadataBlock(lines[index]))
            {
                index = SkipBlock(lines, index);
                continue;
            }

            string? id = null;
            if (!lines[index].Contains("-->", StringComparison.Ordinal))
            {
                id = lines[index].Trim();
                index++;
            }

            if (index >= lines.Count || Timing().Match(lines[index]) is not { Success: true } timing)
            {
                var line = Math.Min(index, lines.Count - 1) + 1;
                throw SpeechException.Validation("script", $"{name}:{line}: expected a cue timing such as '00:00:01,000 --> 00:00:03,500'.");
            }

            if (Time(timing.Groups["end"]) < Time(timing.Groups["start"]))
            {
                throw SpeechException.Validation("script", $"{name}:{index + 1}: the cue ends before it starts ('{lines[index].Trim()}').");
            }

            var textStart = index + 1;
            var end = SkipBlock(lines, index);
            var text = string.Join('\n', lines.Skip(textStart).Take(end - textStart));
            var offset = textStart < lines.Count ? offsets[textStart] : content.Length;
            cues.Add(new SubtitleCue(id, Time(timing.Groups["start"]), Time(timing.Groups["end"]), text, textStart + 1, offset));
            index = end;
        }

        return cues;
    }

    private static bool IsVttMetadataBlock(string line)
        => line.StartsWith("NOTE", StringComparison.Ordinal) || line.StartsWith("STYLE", StringComparison.Ordinal) || line.StartsWith("REGION", StringComparison.Ordinal);

    private static int SkipBlock(List<string> lines, int index)
    {
        while (index < lines.Count && lines[index].Length > 0)
        {
            index++;
        }

        return index;
    }

    private static List<string> SplitLines(string content, out List<int> offsets)
    {
        var lines = new List<string>();
        offsets = [];
        var start = 0;
        while (start <= content.Length)
        {
            var newline = content.IndexOf('\n', start);
            var end = newline < 0 ? content.Length : newline;
            offsets.Add(start);
            lines.Add(content[start..end].TrimEnd('\r', ' ', '\t').Length == 0 ? "" : content[start..end]);
            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        return lines;
    }

    private static TimeSpan Time(Group group)
    {
        var parts = group.Value.Replace(',', '.').Split(':');
        var hours = parts.Length == 3 ? int.Parse(parts[0], CultureInfo.InvariantCulture) : 0;
        var minutes = int.Parse(parts[^2], CultureInfo.InvariantCulture);
        var seconds = decimal.Parse(parts[^1], CultureInfo.InvariantCulture);
        return TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromMilliseconds((double)(seconds * 1000));
    }

    [GeneratedRegex(@"^\s*(?<start>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s+-->\s+(?<end>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})(?:\s.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Timing();
}
