namespace SpeechGate.Observability;

/// <summary>Recent times to first byte of one model on one route.</summary>
/// <param name="Model">The model id.</param>
/// <param name="Route"><c>stream</c>, <c>convert</c> (and their <c>_timestamps</c> forms).</param>
/// <param name="Calls">Calls measured since start.</param>
/// <param name="MedianMilliseconds">Median of the recent calls.</param>
/// <param name="P95Milliseconds">95th percentile of the recent calls.</param>
public sealed record UpstreamTiming(string Model, string Route, long Calls, double MedianMilliseconds, double P95Milliseconds);
