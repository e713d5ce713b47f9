namespace SpeechGate.Proofing.Scripts;

/// <summary>One proofed script line.</summary>
/// <param name="Id">The line's id.</param>
/// <param name="Text">Its text as written.</param>
/// <param name="Voice">Its voice (alias or id), after defaults.</param>
/// <param name="Model">Its model, after defaults.</param>
/// <param name="Line">1-based line in the file where its text starts.</param>
/// <param name="Findings">What proofing found, with file positions.</param>
public sealed record ProofedLine(string Id, string Text, string? Voice, string Model, int Line, IReadOnlyList<ProofFinding> Findings)
{
    /// <summary>The text with billed noise removed: what <c>normalize</c> mode sends and keys.</summary>
    public string ProofedText => TextProofer.Normalize(Text);
}
