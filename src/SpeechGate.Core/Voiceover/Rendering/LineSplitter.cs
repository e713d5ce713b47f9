using System.Text;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>Splits a long line into pieces under a per-request character limit, at sentence ends where it can.</summary>
internal static class LineSplitter
{
    /// <summary>Pieces of <paramref name="text"/>, each at most <paramref name="limit"/> characters (Unicode scalars).</summary>
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 16);
        if (Length(text) <= limit)
        {
            return [text];
        }

        var pieces = new List<string>();
        var current = new StringBuilder();
        foreach (var sentence in Sentences(text))
        {
            if (current.Length > 0 && Length(current.ToString()) + Length(sentence) > limit)
            {
                pieces.Add(current.ToString().Trim());
                current.Clear();
            }

            if (Length(sentence) > limit)
            {
                // One sentence longer than a request: split it at the last space under the limit.
                foreach (var part in Words(sentence, limit))
                {
                    pieces.Add(part);
                }

                continue;
            }

            current.Append(sentence);
        }

        if (current.ToString().Trim().Length > 0)
        {
            pieces.Add(current.ToString().Trim());
        }

        return pieces;
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '.' or '!' or '?' or '…' or '。' or '！' or '？';
            if (end && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                var stop = i + 1;
                while (stop < text.Length && char.IsWhiteSpace(text[stop]))
                {
                    stop++;
                }

                yield return text[start..stop];
                start = stop;
                i = stop - 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static IEnumerable<string> Words(string sentence, int limit)
    {
        var rest = sentence.Trim();
        while (Length(rest) > limit)
        {
            var cut = IndexOfScalar(rest, limit);
            var space = rest.LastIndexOf(' ', cut);
            var at = space > 0 ? space : cut;
            yield return rest[..at].Trim();
            rest = rest[at..].Trim();
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    private static int IndexOfScalar(string text, int scalars)
    {
        var index = 0;
        for (var i = 0; i < scalars && index < text.Length; i++)
        {
            index += char.IsHighSurrogate(text[index]) ? 2 : 1;
        }

        return Math.Min(index, text.Length - 1);
    }

    private static int Length(string text) => Budgeting.CreditEstimator.CountCharacters(text);
}
