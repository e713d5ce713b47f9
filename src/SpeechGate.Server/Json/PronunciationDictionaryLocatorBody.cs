namespace SpeechGate.Server.Json;

/// <summary>One entry of <c>pronunciation_dictionary_locators</c>.</summary>
internal sealed class PronunciationDictionaryLocatorBody
{
    public string? PronunciationDictionaryId { get; init; }

    public string? VersionId { get; init; }
}
