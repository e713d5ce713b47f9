using System.Threading.Channels;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>One upstream context (one request): its audio chunks as they arrive, ended by <c>isFinal</c> or a failure.</summary>
internal sealed class ElevenLabsRealtimeContext(string id)
{
    private double _offsetSeconds;

    public string Id { get; } = id;

    public Channel<AudioChunk> Chunks { get; } = Channel.CreateUnbounded<AudioChunk>(new() { SingleReader = true, SingleWriter = true });

    /// <summary>WebSocket alignment is in milliseconds from the chunk's start; requests count seconds from the clip's start.</summary>
    public CharacterAlignment? ToClipTime(IReadOnlyList<string>? characters, IReadOnlyList<int>? startsMs, IReadOnlyList<int>? durationsMs)
    {
        if (characters is null || startsMs is null || durationsMs is null || characters.Count == 0)
        {
            return null;
        }

        var starts = new double[characters.Count];
        var ends = new double[characters.Count];
        for (var i = 0; i < characters.Count; i++)
        {
            starts[i] = _offsetSeconds + (startsMs[i] / 1000.0);
            ends[i] = starts[i] + (durationsMs[i] / 1000.0);
        }

        return new CharacterAlignment(characters, starts, ends);
    }

    /// <summary>The next chunk's alignment starts where this one's last character ended (the inverse of the gateway's replies).</summary>
    public void Advance(CharacterAlignment? alignment)
    {
        if (alignment is { CharacterEndTimesSeconds.Count: > 0 })
        {
            _offsetSeconds = alignment.CharacterEndTimesSeconds[^1];
        }
    }
}
