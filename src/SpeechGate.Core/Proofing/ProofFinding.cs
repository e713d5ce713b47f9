namespace SpeechGate.Proofing;

/// <summary>One thing proofing found in a line of text.</summary>
/// <param name="Code">Stable code, e.g. <c>SG-WS</c> (<see cref="ProofCodes"/>).</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Offset">Where it starts in the line's text (UTF-16 index).</param>
/// <param name="Length">How many UTF-16 units it covers.</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record ProofFinding(string Code, ProofSeverity Severity, int Offset, int Length, string Message)
{
    /// <summary>What to write instead, for people (may describe a choice, e.g. "Doctor or Drive").</summary>
    public string? Suggestion { get; init; }

    /// <summary>The exact text a fix writes over the finding's span; null when there is no mechanical fix.</summary>
    public string? Replacement { get; init; }

    /// <summary>Whether the fix cannot change the spoken words (applied by <c>--fix</c> and by <c>normalize</c> mode).</summary>
    public bool IsSafeFix { get; init; }

    /// <summary>Billed characters the replacement adds (positive) or saves (negative).</summary>
    public int CharacterDelta { get; init; }

    /// <summary><see cref="CharacterDelta"/> at the model's credits per character.</summary>
    public double CreditDelta { get; init; }

    /// <summary>The script line's id, when proofed as part of a script.</summary>
    public string? LineId { get; init; }

    /// <summary>1-based line in the source file (0 when proofing bare text).</summary>
    public int Line { get; init; }

    /// <summary>1-based column in the source file (0 when proofing bare text).</summary>
    public int Column { get; init; }
}
