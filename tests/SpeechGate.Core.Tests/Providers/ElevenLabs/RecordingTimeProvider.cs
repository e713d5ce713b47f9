using System.Collections.Concurrent;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>The system clock, recording every timer delay asked for; optionally fires long timers at once.</summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    /// <summary>When set, timers fire after 1 ms whatever was asked (the asked delay is still recorded).</summary>
    public bool Instant { get; set; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            Delays.Enqueue(dueTime);
            if (Instant)
            {
                dueTime = TimeSpan.FromMilliseconds(1);
            }
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }
}
