using SpeechGate.Synthesis;

namespace SpeechGate.Budgeting;

/// <summary>Pricing and quota settings (configuration section <c>Budget</c>).</summary>
public sealed class BudgetOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Budget";

    /// <summary>Credits per character by model id, overriding the provider's published rates.</summary>
    public Dictionary<string, double> ModelMultipliers { get; } = new(StringComparer.Ordinal);

    /// <summary>Credits per character for a model no table knows (conservative: full price).</summary>
    public double UnknownModelMultiplier { get; set; } = 1.0;

    /// <summary>Providers that cost nothing.</summary>
    public HashSet<string> FreeProviders { get; } = new(StringComparer.Ordinal) { SpeechProviderNames.Local };
}
