namespace SpeechGate.Budgeting;

/// <summary>The provider's subscription counters (ElevenLabs' <c>character_count</c> and <c>character_limit</c>).</summary>
public sealed record QuotaSnapshot(long Used, long Limit, DateTimeOffset? ResetsAt)
{
    /// <summary>Credits left before the provider answers <c>quota_exceeded</c>.</summary>
    public long Remaining => Math.Max(0, Limit - Used);
}
