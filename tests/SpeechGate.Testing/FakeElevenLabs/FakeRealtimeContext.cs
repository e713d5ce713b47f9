using System.Text;
using System.Text.Json.Nodes;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>One context of the fake's WebSocket routes: its settings and its text buffer with the chunk schedule.</summary>
internal sealed class FakeRealtimeContext(string? id, JsonNode? voiceSettings, IReadOnlyList<int> schedule)
{
    private static readonly int[] DefaultSchedule = [120, 160, 250, 290];
    private readonly StringBuilder _buffer = new();
    private IReadOnlyList<int> _schedule = schedule.Count > 0 ? schedule : DefaultSchedule;
    private int _index;

    /// <summary>The context id (multi-stream-input), or null on stream-input.</summary>
    public string? Id { get; } = id;

    public JsonNode? VoiceSettings { get; set; } = voiceSettings;

    public void SetSchedule(IReadOnlyList<int> schedule)
    {
        if (schedule.Count > 0)
        {
            _schedule = schedule;
        }
    }

    public void Append(string text) => _buffer.Append(text);

    /// <summary>Text due for generation: everything on flush, else what reached the schedule's next threshold.</summary>
    public string? Take(bool flush)
    {
        var text = _buffer.ToString();
        if (!flush)
        {
            var threshold = _schedule[Math.Min(_index, _schedule.Count - 1)];
            var cut = text.LastIndexOf(' ');
            if (text.Length < threshold || cut <= 0)
            {
                return null;
            }

            text = text[..(cut + 1)];
            _index++;
        }

        _buffer.Remove(0, text.Length);
        return string.IsNullOrWhiteSpace(text) ? null : text.TrimStart();
    }
}
