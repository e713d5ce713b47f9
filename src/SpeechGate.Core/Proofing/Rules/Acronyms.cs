using System.Collections.Frozen;

namespace SpeechGate.Proofing.Rules;

/// <summary>All-caps words every voice already says right (not worth a finding).</summary>
internal static class Acronyms
{
    public static FrozenSet<string> Ignored { get; } = new[]
    {
        "OK", "TV", "US", "USA", "UK", "EU", "AM", "PM", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII",
    }.ToFrozenSet(StringComparer.Ordinal);
}
