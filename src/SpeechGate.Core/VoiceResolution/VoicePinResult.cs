namespace SpeechGate.VoiceResolution;

/// <summary>The outcome of pinning: the lockfile key, the pin, and whether a library voice was added to My Voices.</summary>
/// <param name="Key">The alias or voice id the pin is stored under.</param>
/// <param name="Pin">The pin written to the lockfile.</param>
/// <param name="AddedFromLibrary">Whether the add-voice call made a stable copy of a shared voice.</param>
public sealed record VoicePinResult(string Key, VoicePin Pin, bool AddedFromLibrary);
