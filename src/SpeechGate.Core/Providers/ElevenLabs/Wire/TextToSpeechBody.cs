using SpeechGate.Synthesis;

namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>The JSON body of the four text-to-speech endpoints; null members are omitted, never sent as null.</summary>
internal sealed record TextToSpeechBody(string Text)
{
    public string? ModelId { get; init; }

    public string? LanguageCode { get; init; }

    public VoiceSettings? VoiceSettings { get; init; }

    public IReadOnlyList<PronunciationDictionaryLocatorBody>? PronunciationDictionaryLocators { get; init; }

    public uint? Seed { get; init; }

    public string? PreviousText { get; init; }

    public string? NextText { get; init; }

    public IReadOnlyList<string>? PreviousRequestIds { get; init; }

    public IReadOnlyList<string>? NextRequestIds { get; init; }

    public bool? UsePvcAsIvc { get; init; }

    public string? ApplyTextNormalization { get; init; }

    public bool? ApplyLanguageTextNormalization { get; init; }

    public static TextToSpeechBody From(SpeechRequest request) => new(request.Text)
    {
        ModelId = request.ModelId,
        LanguageCode = request.LanguageCode,
        VoiceSettings = IsEmpty(request.VoiceSettings) ? null : request.VoiceSettings,
        PronunciationDictionaryLocators = request.PronunciationDictionaryLocators.Count == 0
            ? null
            : [.. request.PronunciationDictionaryLocators.Select(l => new PronunciationDictionaryLocatorBody(l.PronunciationDictionaryId, l.VersionId))],
        Seed = request.Seed,
        PreviousText = request.PreviousText,
        NextText = request.NextText,
        PreviousRequestIds = request.PreviousRequestIds.Count == 0 ? null : request.PreviousRequestIds,
        NextRequestIds = request.NextRequestIds.Count == 0 ? null : request.NextRequestIds,
        UsePvcAsIvc = request.UsePvcAsIvc,
        ApplyTextNormalization = request.ApplyTextNormalization,
        ApplyLanguageTextNormalization = request.ApplyLanguageTextNormalization,
    };

    private static bool IsEmpty(VoiceSettings? settings)
        => settings is null || settings == new VoiceSettings();
}
