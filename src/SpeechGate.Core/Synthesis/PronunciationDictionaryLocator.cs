namespace SpeechGate.Synthesis;

/// <summary>A pronunciation dictionary and, optionally, its version (null means the latest).</summary>
public sealed record PronunciationDictionaryLocator(string PronunciationDictionaryId, string? VersionId = null);
