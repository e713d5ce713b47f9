namespace SpeechGate.Proofing.Scripts;

/// <summary>A script after fixes.</summary>
/// <param name="Content">The new file content (line endings as the original's).</param>
/// <param name="Applied">The findings whose fixes were written, with their original positions.</param>
public sealed record ScriptFix(string Content, IReadOnlyList<ProofFinding> Applied);
