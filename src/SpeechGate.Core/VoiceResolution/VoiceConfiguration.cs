namespace SpeechGate.VoiceResolution;

/// <summary>What voice resolution works from: the aliases, the pins, and where they came from.</summary>
/// <param name="Catalog">Aliases from <c>voices.yaml</c>.</param>
/// <param name="Lock">Pins from <c>voices.lock</c>.</param>
/// <param name="LockPath">Where pins are written.</param>
public sealed record VoiceConfiguration(VoiceCatalog Catalog, VoiceLock Lock, string LockPath);
