namespace SpeechGate.Server.Dashboard;

/// <summary>One series of a column chart: its name, colour and a value per category.</summary>
internal sealed record ChartSeries(string Name, string Color, IReadOnlyList<double> Values);
