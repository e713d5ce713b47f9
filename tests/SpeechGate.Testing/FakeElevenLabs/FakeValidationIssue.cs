namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>One entry of a 422 body.</summary>
/// <param name="Location">E.g. <c>["body","text"]</c>.</param>
/// <param name="Message">E.g. <c>Field required</c>.</param>
/// <param name="Type">E.g. <c>missing</c>.</param>
public sealed record FakeValidationIssue(IReadOnlyList<string> Location, string Message, string Type);
