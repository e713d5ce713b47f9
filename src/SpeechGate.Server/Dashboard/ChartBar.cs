namespace SpeechGate.Server.Dashboard;

/// <summary>One bar of a bar chart: its label, length, the text shown beside it, and an optional maximum (a budget's limit).</summary>
internal sealed record ChartBar(string Label, double Value, string Text, double? Of = null);
