using SpeechGate.Providers.Local.Engine;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.Local.Alignment;

/// <summary>Per-character timing of one synthesised sentence, from the engine's word events.</summary>
/// <remarks>
/// Each word starts where eSpeak NG's WORD event says and ends at its last voiced sample before the next word;
/// letters are spread evenly across the word, and the characters between words (spaces, punctuation) share the gap.
/// </remarks>
internal static class CharacterTimeline
{
    // About -40 dBFS: quieter samples count as the pause between words.
    private const int SilenceThreshold = 330;

    public static CharacterAlignment Build(string sentence, SentenceAudio audio, double offsetSeconds)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(audio);
        var characters = sentence.EnumerateRunes().Select(rune => rune.ToString()).ToList();
        var count = characters.Count;
        var duration = audio.Samples.Length / (double)audio.SampleRate;
        var starts = new double[count];
        var ends = new double[count];
        var assigned = new bool[count];

        var words = audio.Words.Where(word => word.TextPosition >= 1 && word.TextPosition <= count).OrderBy(word => word.TextPosition).ToList();
        for (var w = 0; w < words.Count; w++)
        {
            var first = words[w].TextPosition - 1;
            var limit = w + 1 < words.Count ? words[w + 1].TextPosition - 1 : count;
            var last = Math.Min(first + Math.Max(words[w].Length, 1), limit);
            var start = Math.Min(words[w].AudioPositionMs / 1000.0, duration);
            var next = w + 1 < words.Count ? Math.Min(words[w + 1].AudioPositionMs / 1000.0, duration) : duration;
            Spread(starts, ends, assigned, first, last, start, VoicedEnd(audio, start, next));
        }

        FillGaps(starts, ends, assigned, duration);
        for (var i = 0; i < count; i++)
        {
            starts[i] = Math.Max(starts[i], i > 0 ? starts[i - 1] : 0);
            ends[i] = Math.Max(ends[i], starts[i]);
        }

        for (var i = 0; i < count; i++)
        {
            starts[i] += offsetSeconds;
            ends[i] += offsetSeconds;
        }

        return new CharacterAlignment(characters, starts, ends);
    }

    private static double VoicedEnd(SentenceAudio audio, double start, double next)
    {
        var from = (int)(start * audio.SampleRate);
        var samples = audio.Samples.Span;
        var to = Math.Min((int)(next * audio.SampleRate), samples.Length);
        for (var i = to - 1; i >= from; i--)
        {
            if (Math.Abs((int)samples[i]) > SilenceThreshold)
            {
                return (i + 1) / (double)audio.SampleRate;
            }
        }

        return next;
    }

    private static void Spread(double[] starts, double[] ends, bool[] assigned, int first, int last, double start, double end)
    {
        var length = last - first;
        for (var i = 0; i < length; i++)
        {
            starts[first + i] = start + ((end - start) * i / length);
            ends[first + i] = start + ((end - start) * (i + 1) / length);
            assigned[first + i] = true;
        }
    }

    private static void FillGaps(double[] starts, double[] ends, bool[] assigned, double duration)
    {
        var i = 0;
        while (i < assigned.Length)
        {
            if (assigned[i])
            {
                i++;
                continue;
            }

            var first = i;
            while (i < assigned.Length && !assigned[i])
            {
                i++;
            }

            var from = first > 0 ? ends[first - 1] : 0;
            var to = i < assigned.Length ? starts[i] : duration;
            Spread(starts, ends, assigned, first, i, from, Math.Max(from, to));
        }
    }
}
