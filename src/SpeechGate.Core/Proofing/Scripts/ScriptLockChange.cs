namespace SpeechGate.Proofing.Scripts;

/// <summary>How a line differs from the lock.</summary>
/// <param name="Id">The line id.</param>
/// <param name="Kind"><c>added</c>, <c>removed</c> or <c>changed</c>.</param>
/// <param name="Fields">For <c>changed</c>: which of <c>text</c>, <c>voice</c>, <c>model</c>, <c>lexicon</c> differ.</param>
public sealed record ScriptLockChange(string Id, string Kind, IReadOnlyList<string> Fields);
