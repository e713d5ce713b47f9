using SpeechGate.Synthesis;

namespace SpeechGate.Metering;

/// <summary>The ledger row the metering stage wrote for an answer, carried in <see cref="SpeechAudio.AdditionalProperties"/>.</summary>
public static class SpeechAudioUsageExtensions
{
    /// <summary>The key of the row in <see cref="SpeechAudio.AdditionalProperties"/>.</summary>
    public const string UsageProperty = "speechgate.usage";

    /// <summary>The ledger row a metering stage wrote for this answer; null when no stage metered it.</summary>
    public static UsageRecord? GetUsage(this SpeechAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return audio.GetProperty<UsageRecord>(UsageProperty);
    }

    /// <summary>A copy of <paramref name="audio"/> carrying <paramref name="usage"/> (null removes it).</summary>
    public static SpeechAudio WithUsage(this SpeechAudio audio, UsageRecord? usage)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return audio.WithProperty(UsageProperty, usage);
    }
}
