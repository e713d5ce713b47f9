namespace SpeechGate.Proofing.Lexicons;

/// <summary>Where publishers remember what they uploaded (<c>&lt;data&gt;/lexicons.json</c>), so a restart does not upload again.</summary>
/// <param name="File">The record's path; null keeps it in memory only.</param>
internal sealed record LexiconPublications(string? File);
