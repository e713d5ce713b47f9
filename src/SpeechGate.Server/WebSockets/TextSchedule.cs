namespace SpeechGate.Server.WebSockets;

/// <summary>
/// The text buffer of a stream-input socket: generation starts once the buffer reaches the next
/// <c>chunk_length_schedule</c> threshold (50–500 characters, the last one repeating), cut at a word boundary.
/// </summary>
internal sealed class TextSchedule(IReadOnlyList<int> schedule)
{
    /// <summary>ElevenLabs' default schedule.</summary>
    public static readonly IReadOnlyList<int> Default = [120, 160, 250, 290];

    private readonly System.Text.StringBuilder _buffer = new();
    private IReadOnlyList<int> _schedule = schedule.Count > 0 ? schedule : Default;
    private int _index;

    public int Length => _buffer.Length;

    public void SetSchedule(IReadOnlyList<int> schedule) => _schedule = schedule.Count > 0 ? schedule : _schedule;

    public void Append(string text) => _buffer.Append(text);

    /// <summary>The text to generate now, if the buffer reached the current threshold; null otherwise.</summary>
    public string? TakeScheduled()
    {
        var threshold = _schedule[Math.Min(_index, _schedule.Count - 1)];
        if (_buffer.Length < threshold)
        {
            return null;
        }

        var text = _buffer.ToString();
        var cut = text.LastIndexOfAny([' ', '\n', '\t']);
        if (cut <= 0)
        {
            return null;
        }

        _buffer.Remove(0, cut + 1);
        _index++;
        return NonBlank(text[..(cut + 1)]);
    }

    /// <summary>Everything buffered (flush or end of input); null when only whitespace is left.</summary>
    public string? TakeAll()
    {
        var text = _buffer.ToString();
        _buffer.Clear();
        return NonBlank(text);
    }

    private static string? NonBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.TrimStart();
}
