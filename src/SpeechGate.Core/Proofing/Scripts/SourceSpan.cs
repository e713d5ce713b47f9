namespace SpeechGate.Proofing.Scripts;

/// <summary>
/// Where a line's text sits in its file, with each text character's offset in the file. The text is what is said
/// (quotes, escapes and caption markup removed), so the offsets are found by walking both in step.
/// </summary>
internal sealed class SourceSpan
{
    private const int Lookahead = 8;
    private readonly int[] _offsets;

    public SourceSpan(int start, int end, string content, string text)
    {
        Start = start;
        End = end;
        _offsets = new int[text.Length + 1];
        var position = start;
        for (var i = 0; i < text.Length; i++)
        {
            var found = -1;
            for (var j = position; j < Math.Min(end, position + Lookahead); j++)
            {
                if (content[j] == text[i] || char.IsWhiteSpace(content[j]) && char.IsWhiteSpace(text[i]))
                {
                    found = j;
                    break;
                }
            }

            _offsets[i] = found >= 0 ? found : Math.Min(position, Math.Max(start, end - 1));
            position = found >= 0 ? found + 1 : position;
        }

        _offsets[text.Length] = position;
        IsVerbatim = end - start == text.Length && string.CompareOrdinal(content, start, text, 0, text.Length) == 0;
    }

    public int Start { get; }

    public int End { get; }

    /// <summary>Whether the file holds the text exactly (plain text): then a fix may rewrite characters in place.</summary>
    public bool IsVerbatim { get; }

    /// <summary>The file offset of the text's character <paramref name="index"/>.</summary>
    public int OffsetOf(int index) => _offsets[Math.Clamp(index, 0, _offsets.Length - 1)];

    /// <summary>The file span [start, end) of the text span [<paramref name="index"/>, +<paramref name="length"/>).</summary>
    public (int Start, int End) Map(int index, int length)
        => length == 0 ? (OffsetOf(index), OffsetOf(index)) : (OffsetOf(index), OffsetOf(index + length - 1) + 1);
}
