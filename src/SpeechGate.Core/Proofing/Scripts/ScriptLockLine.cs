namespace SpeechGate.Proofing.Scripts;

/// <summary>One line of a script lock: what the line's audio was proofed and priced from.</summary>
/// <param name="Id">The line id.</param>
/// <param name="TextSha256">SHA-256 (hex) of the proofed text, so billed noise alone never counts as a change.</param>
/// <param name="Voice">The voice (alias or id), after the script's defaults.</param>
/// <param name="Model">The model, after the script's defaults.</param>
/// <param name="Lexicon">The version of the lexicon entries the line uses, or null.</param>
public sealed record ScriptLockLine(string Id, string TextSha256, string? Voice, string? Model, string? Lexicon);
