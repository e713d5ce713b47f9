namespace SpeechGate.VoiceResolution;

/// <summary>A voice that served a request recently.</summary>
/// <param name="Provider">Provider that spoke it (null: the default).</param>
/// <param name="VoiceId">The id that was sent.</param>
/// <param name="Label">What the request named (alias or id).</param>
/// <param name="FirstUsedAt">When it was first recorded.</param>
public sealed record RecentVoice(string? Provider, string VoiceId, string Label, DateTimeOffset FirstUsedAt);
