using SpeechGate.Synthesis;

namespace SpeechGate.Server.WebSockets;

/// <summary>A unit of the send loop: a segment to generate for a context (its settings as they were when queued), or that context's final message.</summary>
internal sealed record MultiStreamWork(MultiStreamContext Context, SpeechRequest? Request)
{
    public bool IsFinal => Request is null;
}
