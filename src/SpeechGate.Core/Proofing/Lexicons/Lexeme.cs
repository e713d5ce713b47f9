namespace SpeechGate.Proofing.Lexicons;

/// <summary>One <c>&lt;lexeme&gt;</c>: the spellings it covers and how to say them.</summary>
/// <param name="Graphemes">The written forms (<c>&lt;grapheme&gt;</c>), matched as whole words, case-sensitively.</param>
/// <param name="Alias">Text to say instead (<c>&lt;alias&gt;</c>), if any.</param>
/// <param name="Phoneme">A pronunciation in the lexicon's alphabet (<c>&lt;phoneme&gt;</c>), if any.</param>
public sealed record Lexeme(IReadOnlyList<string> Graphemes, string? Alias, string? Phoneme);
