using SpeechGate.Proofing;
using SpeechGate.Proofing.Scripts;

namespace SpeechGate.Cli.Commands;

/// <summary>The JSON shape of <c>speechgate proof --json</c>.</summary>
internal sealed record ProofJson(string File, int Lines, int Errors, int Warnings, int CharactersSaved, double CreditsSaved, IReadOnlyList<ProofJson.Finding> Findings)
{
    public static ProofJson From(ScriptProofReport report)
        => new(report.Name, report.Lines.Count, report.Errors, report.Warnings, report.CharactersSaved, Math.Round(report.CreditsSaved, 2),
            [.. report.Findings.Select(f => new Finding(f.Line, f.Column, f.LineId, f.Code, f.Severity switch { ProofSeverity.Error => "error", ProofSeverity.Warning => "warning", _ => "info" }, f.Message,
                f.Suggestion, f.Replacement, f.IsSafeFix, f.CharacterDelta, Math.Round(f.CreditDelta, 2)))]);

    public sealed record Finding(int Line, int Column, string? LineId, string Code, string Severity, string Message,
        string? Suggestion, string? Replacement, bool SafeFix, int Characters, double Credits);
}
