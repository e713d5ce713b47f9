namespace SpeechGate.Proofing.Text;

/// <summary>Spans of a text already claimed by a rule, so later rules (and spelling) leave them alone.</summary>
internal sealed class SpanSet
{
    private readonly List<(int Start, int End)> _spans = [];

    public void Add(int start, int length) => _spans.Add((start, start + length));

    public bool Overlaps(int start, int length)
    {
        var end = start + length;
        foreach (var span in _spans)
        {
            if (start < span.End && span.Start < end)
            {
                return true;
            }
        }

        return false;
    }
}
