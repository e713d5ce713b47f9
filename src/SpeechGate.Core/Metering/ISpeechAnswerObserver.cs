namespace SpeechGate.Metering;

/// <summary>Told of every answer <see cref="SpeechAnswerRecorder"/> records (full path and hot hits alike): the hook for metrics.</summary>
public interface ISpeechAnswerObserver
{
    /// <summary>Called after <paramref name="row"/> was appended to the ledger; must not block or throw.</summary>
    void OnAnswered(UsageRecord row);
}
