namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>A language a model speaks.</summary>
/// <param name="LanguageId">ISO code.</param>
/// <param name="Name">Display name.</param>
public sealed record ElevenLabsLanguage(string LanguageId, string Name);
