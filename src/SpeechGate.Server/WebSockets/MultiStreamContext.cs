using SpeechGate.Synthesis;

namespace SpeechGate.Server.WebSockets;

/// <summary>One context of a multi-stream-input socket: its own settings, text buffer and continuity text.</summary>
internal sealed class MultiStreamContext(string id, SpeechRequest template, IReadOnlyList<int> schedule)
{
    public string Id { get; } = id;

    /// <summary>The request every segment of this context starts from (voice settings of its init message included).</summary>
    public SpeechRequest Template { get; set; } = template;

    public TextSchedule Schedule { get; } = new(schedule);

    /// <summary>The last 1,000 characters generated in this context, sent as <c>previous_text</c>; only the send loop touches it.</summary>
    public string? PreviousText { get; set; }
}
