namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary><c>{"status":"ok"}</c>.</summary>
internal sealed record ElevenLabsStatusResult(string Status);
