using System.Globalization;
using System.Text;
using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>
/// Captions (SRT and WebVTT) from the alignment of the original text, offset into the track's time line: a cue per
/// sentence, split at a word when longer than <see cref="MaxCueCharacters"/>.
/// </summary>
internal static class CaptionWriter
{
    public const int MaxCueCharacters = 84;

    /// <summary>A cue: times in milliseconds in the track, and its text.</summary>
    public sealed record Cue(string LineId, long StartMs, long EndMs, string Text);

    public static List<Cue> Build(IEnumerable<RenderLine> lines, int sampleRate)
    {
        var cues = new List<Cue>();
        foreach (var line in lines.Where(l => l.Delivered))
        {
            long partStart = line.OffsetSamples;
            var lineEnd = line.OffsetMs + line.DurationMs;
            var before = cues.Count;
            foreach (var part in line.Parts)
            {
                var origin = partStart * 1000.0 / Math.Max(1, sampleRate);
                if (part.Alignment is { } alignment)
                {
                    cues.AddRange(Split(line.Id, alignment, origin, lineEnd));
                }

                partStart += part.Samples;
            }

            if (cues.Count == before)
            {
                // No alignment came back: one cue over the whole line.
                cues.Add(new Cue(line.Id, line.OffsetMs, lineEnd, line.Line.Text.Trim()));
            }
        }

        return cues;
    }

    public static string Srt(IReadOnlyList<Cue> cues)
    {
        var text = new StringBuilder();
        for (var i = 0; i < cues.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}\n{CueTime.Srt(cues[i].StartMs)} --> {CueTime.Srt(cues[i].EndMs)}\n{cues[i].Text}\n\n");
        }

        return text.ToString();
    }

    public static string Vtt(IReadOnlyList<Cue> cues)
    {
        var text = new StringBuilder("WEBVTT\n\n");
        foreach (var cue in cues)
        {
            text.Append(CultureInfo.InvariantCulture, $"{cue.LineId}\n{CueTime.Vtt(cue.StartMs)} --> {CueTime.Vtt(cue.EndMs)}\n{Escape(cue.Text)}\n\n");
        }

        return text.ToString();
    }

    private static IEnumerable<Cue> Split(string lineId, CharacterAlignment alignment, double originMs, long lineEndMs)
    {
        var characters = alignment.Characters;
        var start = 0;
        for (var i = 0; i < characters.Count; i++)
        {
            var last = i == characters.Count - 1;
            var sentenceEnd = characters[i] is "." or "!" or "?" or "…" && (last || string.IsNullOrWhiteSpace(characters[i + 1]));
            var tooLong = i - start + 1 >= MaxCueCharacters && string.IsNullOrWhiteSpace(characters[i]);
            if (!(last || sentenceEnd || tooLong))
            {
                continue;
            }

            var text = string.Concat(characters.Skip(start).Take(i - start + 1)).Trim();
            if (text.Length > 0)
            {
                var first = start;
                while (string.IsNullOrWhiteSpace(characters[first]))
                {
                    first++;
                }

                var startMs = (long)Math.Round(originMs + (alignment.CharacterStartTimesSeconds[first] * 1000));
                var endMs = Math.Min(lineEndMs, (long)Math.Round(originMs + (alignment.CharacterEndTimesSeconds[i] * 1000)));
                yield return new Cue(lineId, startMs, Math.Max(startMs + 1, endMs), text);
            }

            start = i + 1;
        }
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("-->", "--&gt;", StringComparison.Ordinal);
}
