namespace SpeechGate.Synthesis;

/// <summary>A pronunciation dictionary and, optionally, its version (null means the latest).</summary>
public sealed record PronunciationDictionaryLocator(string PronunciationDictionaryId, string? VersionId = null)
{
    /// <summary>
    /// What the cache key records instead of the dictionary and version ids, when set: the version of only the entries
    /// that apply to the request's text (a project lexicon, uploaded anew for each version), so editing one entry
    /// re-renders only the lines that use it. Never sent upstream.
    /// </summary>
    public string? KeyVersion { get; init; }
}
