using System.Diagnostics.Metrics;

namespace SpeechGate.VoiceResolution;

/// <summary>Counters of the voice resolution stage (meter <c>SpeechGate.VoiceResolution</c>).</summary>
internal static class VoiceResolutionMetrics
{
    /// <summary>The meter name, for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "SpeechGate.VoiceResolution";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Requests served by a fallback voice because the requested one was not found; tags <c>voice</c>, <c>fallback</c>.</summary>
    public static Counter<long> Fallbacks { get; } = Meter.CreateCounter<long>("speechgate.voice.fallbacks", unit: "{request}",
        description: "Requests answered by a fallback voice because the requested voice was not found.");
}
