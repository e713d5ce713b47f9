namespace SpeechGate.Server.Observability;

/// <summary>The <c>Metrics</c> configuration section.</summary>
internal sealed class ObservabilityOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Record and export metrics (<c>/metrics</c>); false leaves the instruments unobserved and the route absent.</summary>
    public bool Enabled { get; set; } = true;
}
