using System.Globalization;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>What a listener would notice: silent clips, long silences at either end, truncated or runaway takes, captions that miss their line.</summary>
internal static class RenderChecks
{
    public const double SilentBelowDbfs = -40;
    public const long MaxLeadingMs = 200;
    public const long MaxTrailingMs = 500;

    /// <summary>About 15 characters a second (ElevenLabs' rule of thumb: 1,000 characters ≈ 1 minute).</summary>
    public const double MillisecondsPerCharacter = 66;

    public static List<RenderCheck> Find(IEnumerable<RenderLine> lines, IReadOnlyList<CaptionWriter.Cue> cues)
    {
        var checks = new List<RenderCheck>();
        var byLine = cues.GroupBy(c => c.LineId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Delivered && l.Stats is not null))
        {
            var stats = line.Stats!;
            if (stats.PeakDbfs < SilentBelowDbfs)
            {
                checks.Add(new(line.Id, "silent", Format($"peak {stats.PeakDbfs:0.0} dBFS is below {SilentBelowDbfs} dBFS")));
                continue;
            }

            if (stats.LeadingMs > MaxLeadingMs)
            {
                checks.Add(new(line.Id, "leading_silence", Format($"{stats.LeadingMs} ms of silence before speech (over {MaxLeadingMs} ms)")));
            }

            if (stats.TrailingMs > MaxTrailingMs)
            {
                checks.Add(new(line.Id, "trailing_silence", Format($"{stats.TrailingMs} ms of silence after speech (over {MaxTrailingMs} ms)")));
            }

            var predicted = line.Characters * MillisecondsPerCharacter * Speed(line);
            if (line.DurationMs < predicted * 0.35 || line.DurationMs > (predicted * 3) + 1500)
            {
                checks.Add(new(line.Id, "duration", Format($"{line.DurationMs} ms for {line.Characters} characters (about {predicted:0} ms expected): a truncated or runaway take?")));
            }

            if (Caption(line, byLine.GetValueOrDefault(line.Id)) is { } problem)
            {
                checks.Add(new(line.Id, "caption", problem));
            }
        }

        return checks;
    }

    private static double Speed(RenderLine line) => 1 / Math.Clamp(line.Segments[0].Request.VoiceSettings?.Speed ?? 1.0, 0.5, 2.0);

    private static string? Caption(RenderLine line, List<CaptionWriter.Cue>? cues)
    {
        if (cues is null || cues.Count == 0)
        {
            return "no caption covers the line";
        }

        var end = line.OffsetMs + line.DurationMs;
        if (cues.Any(c => c.StartMs < line.OffsetMs || c.EndMs > end || c.StartMs >= c.EndMs))
        {
            return "a caption falls outside the line's span in the track";
        }

        var captioned = string.Concat(cues.Select(c => c.Text)).Where(c => !char.IsWhiteSpace(c));
        var spoken = line.Line.Text.Where(c => !char.IsWhiteSpace(c));
        return captioned.SequenceEqual(spoken) ? null : "the captions do not carry the line's whole text";
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
