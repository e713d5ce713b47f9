namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>A voice in the fake public library.</summary>
/// <param name="PublicOwnerId">The publisher's public user id.</param>
/// <param name="VoiceId">The library id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Gender">Gender label.</param>
/// <param name="Accent">Accent label.</param>
/// <param name="Language">Language code.</param>
public sealed record FakeSharedVoice(string PublicOwnerId, string VoiceId, string Name, string Gender, string Accent, string Language);
