namespace SpeechGate.Proofing.Scripts;

/// <summary>Everything proofing found in a script.</summary>
/// <param name="Name">The script's file name.</param>
/// <param name="Lines">The lines, in order.</param>
public sealed record ScriptProofReport(string Name, IReadOnlyList<ProofedLine> Lines)
{
    /// <summary>All findings, in file order.</summary>
    public IEnumerable<ProofFinding> Findings => Lines.SelectMany(line => line.Findings);

    /// <summary>Findings that refuse a request in strict mode.</summary>
    public int Errors => Findings.Count(finding => finding.Severity == ProofSeverity.Error);

    /// <summary>Warnings.</summary>
    public int Warnings => Findings.Count(finding => finding.Severity == ProofSeverity.Warning);

    /// <summary>Billed characters the safe fixes remove.</summary>
    public int CharactersSaved => -Findings.Where(finding => finding.IsSafeFix).Sum(finding => finding.CharacterDelta);

    /// <summary>Credits the safe fixes save, at each line's model rate.</summary>
    public double CreditsSaved => -Findings.Where(finding => finding.IsSafeFix).Sum(finding => finding.CreditDelta);
}
