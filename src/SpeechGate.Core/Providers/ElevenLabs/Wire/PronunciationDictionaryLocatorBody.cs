namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary><c>{"pronunciation_dictionary_id","version_id"?}</c>; no version means the latest.</summary>
internal sealed record PronunciationDictionaryLocatorBody(string PronunciationDictionaryId, string? VersionId);
