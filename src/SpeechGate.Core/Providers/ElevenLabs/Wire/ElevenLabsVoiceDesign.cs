namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>Answer of <c>POST /v1/text-to-voice/design</c>: previews to choose from.</summary>
/// <param name="Previews">Generated candidates.</param>
/// <param name="Text">The text they speak.</param>
public sealed record ElevenLabsVoiceDesign(IReadOnlyList<ElevenLabsVoicePreview> Previews, string? Text = null);
