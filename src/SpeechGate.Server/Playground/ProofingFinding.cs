namespace SpeechGate.Server.Playground;

/// <summary>One proofing finding.</summary>
/// <param name="Code">A stable code (e.g. <c>spelling</c>, <c>number</c>).</param>
/// <param name="Severity"><c>info</c>, <c>warning</c> or <c>error</c>.</param>
/// <param name="Message">What is wrong and what to do.</param>
/// <param name="Start">Character offset in the text.</param>
/// <param name="Length">Characters it covers.</param>
public sealed record ProofingFinding(string Code, string Severity, string Message, int Start, int Length);
