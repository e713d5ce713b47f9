namespace SpeechGate.Providers.Local.Engine;

/// <summary>One voice (language) as eSpeak NG lists it.</summary>
/// <param name="Identifier">The voice file, e.g. <c>gmw/en-US</c>; what <c>espeak_SetVoiceByName</c> is given.</param>
/// <param name="Name">Display name, e.g. <c>English (America)</c>.</param>
/// <param name="Language">The preferred language code, e.g. <c>en-us</c>.</param>
/// <param name="Gender">0 unspecified, 1 male, 2 female.</param>
internal sealed record EspeakVoice(string Identifier, string Name, string Language, int Gender);
