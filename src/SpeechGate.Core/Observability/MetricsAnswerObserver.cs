using SpeechGate.Metering;

namespace SpeechGate.Observability;

/// <summary>Counts every answer the one recorder writes (full path and the gateway's hot hits) into <see cref="SpeechGateMetrics"/>.</summary>
public sealed class MetricsAnswerObserver(SpeechGateMetrics metrics) : ISpeechAnswerObserver
{
    /// <inheritdoc/>
    public void OnAnswered(UsageRecord row) => metrics.RecordAnswer(row);
}
