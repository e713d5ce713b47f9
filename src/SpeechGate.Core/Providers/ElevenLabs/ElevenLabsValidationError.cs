namespace SpeechGate.Providers.ElevenLabs;

/// <summary>One entry of a 422 validation body: <c>{"loc":["body","text"],"msg":"Field required","type":"missing"}</c>.</summary>
/// <param name="Location">Where the fault is, e.g. <c>body.text</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Type">The validator's error type, e.g. <c>missing</c>.</param>
public sealed record ElevenLabsValidationError(string Location, string Message, string? Type);
