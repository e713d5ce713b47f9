namespace SpeechGate.Observability;

/// <summary>A render run or a delivery, as the dashboard lists it.</summary>
/// <param name="Kind"><c>render</c> or <c>delivery</c>.</param>
/// <param name="Name">The script or job.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Lines">Lines rendered (render runs).</param>
/// <param name="Credits">Credits spent (render runs).</param>
/// <param name="Time">When it ended.</param>
public sealed record RecentEvent(string Kind, string Name, string Outcome, int Lines, long Credits, DateTimeOffset Time)
{
    /// <summary>Where a delivery went.</summary>
    public string? Target { get; init; }
}
