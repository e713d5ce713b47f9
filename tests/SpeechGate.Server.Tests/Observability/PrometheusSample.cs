namespace SpeechGate.Server.Tests.Observability;

/// <summary>One sample line: its metric name, labels and value.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
