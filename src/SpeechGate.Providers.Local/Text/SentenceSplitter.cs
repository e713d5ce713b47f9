namespace SpeechGate.Providers.Local.Text;

/// <summary>Cuts text into sentences for streaming; the pieces concatenate back to the exact input.</summary>
/// <remarks>
/// A sentence ends after <c>.</c>, <c>!</c>, <c>?</c> or <c>…</c> (plus closing quotes/brackets) followed by whitespace,
/// or at a line break; the whitespace after a boundary stays with the sentence before it. A run-on longer than
/// <see cref="MaxLength"/> is cut at the next whitespace so the first audio never waits for a whole paragraph.
/// </remarks>
internal static class SentenceSplitter
{
    public const int MaxLength = 300;

    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsBoundary(text, start, ref i))
            {
                continue;
            }

            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            sentences.Add(text[start..i]);
            start = i;
        }

        if (start < text.Length)
        {
            sentences.Add(text[start..]);
        }

        return sentences;
    }

    // Advances past the character at i (and any closers); true when a sentence ends there.
    private static bool IsBoundary(string text, int start, ref int i)
    {
        var c = text[i++];
        if (c == '\n')
        {
            return true;
        }

        if (IsTerminator(c))
        {
            while (i < text.Length && (IsTerminator(text[i]) || IsCloser(text[i])))
            {
                i++;
            }

            return i == text.Length || char.IsWhiteSpace(text[i]);
        }

        return char.IsWhiteSpace(c) && i - start > MaxLength;
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…' or '。' or '！' or '？';

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '}' or '”' or '’' or '»';
}
