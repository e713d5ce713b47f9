namespace SpeechGate.Server.Json;

/// <summary>The JSON body of the four text-to-speech routes (snake_case on the wire).</summary>
internal sealed class TextToSpeechBody
{
    public string? Text { get; init; }

    public string? ModelId { get; init; }

    public string? LanguageCode { get; init; }

    public VoiceSettingsBody? VoiceSettings { get; init; }

    public List<PronunciationDictionaryLocatorBody>? PronunciationDictionaryLocators { get; init; }

    public long? Seed { get; init; }

    public string? PreviousText { get; init; }

    public string? NextText { get; init; }

    public List<string>? PreviousRequestIds { get; init; }

    public List<string>? NextRequestIds { get; init; }

    public bool? UsePvcAsIvc { get; init; }

    public string? ApplyTextNormalization { get; init; }

    public bool? ApplyLanguageTextNormalization { get; init; }
}
