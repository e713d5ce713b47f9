using System.Collections.Frozen;

namespace SpeechGate.Models;

/// <summary>ElevenLabs' text-to-speech models as documented (elevenlabs-api.md §6); the offline fallback for limits and prices.</summary>
public static class KnownModels
{
    private static readonly string[] Multilingual29 =
        ["en", "ja", "zh", "de", "hi", "fr", "ko", "pt", "it", "es", "id", "nl", "tr", "fil", "pl", "sv", "bg", "ro", "ar", "cs", "el", "fi", "hr", "ms", "sk", "da", "ta", "uk", "ru"];

    private static readonly string[] Multilingual32 = [.. Multilingual29, "hu", "no", "vi"];

    /// <summary>Every model, in the reference's order.</summary>
    public static IReadOnlyList<SpeechModel> All { get; } =
    [
        // eleven_v3's limit is 5,000 in the 2026 docs (3,000 in Aug 2025); its price of 1 credit/char is UNVERIFIED.
        new("eleven_v3", "Eleven v3", 5_000, 1.0, Multilingual32),
        new("eleven_multilingual_v2", "Eleven Multilingual v2", 10_000, 1.0, Multilingual29),
        new("eleven_flash_v2_5", "Eleven Flash v2.5", 40_000, 0.5, Multilingual32),
        new("eleven_flash_v2", "Eleven Flash v2", 30_000, 0.5, ["en"]),
        new("eleven_turbo_v2_5", "Eleven Turbo v2.5", 40_000, 0.5, Multilingual32),
        new("eleven_turbo_v2", "Eleven Turbo v2", 30_000, 0.5, ["en"]),
        new("eleven_multilingual_v1", "Eleven Multilingual v1", 10_000, 1.0, ["en", "de", "pl", "es", "it", "fr", "pt", "hi"]),
        new("eleven_monolingual_v1", "Eleven English v1", 10_000, 1.0, ["en"]),
    ];

    private static readonly FrozenDictionary<string, SpeechModel> ById = All.ToFrozenDictionary(m => m.ModelId, StringComparer.Ordinal);

    /// <summary>The model ElevenLabs uses when a request names none.</summary>
    public static SpeechModel Default => ById["eleven_multilingual_v2"];

    /// <summary>Looks a model up by id.</summary>
    public static SpeechModel? Find(string? modelId) => modelId is null ? Default : ById.GetValueOrDefault(modelId);
}
