using SpeechGate.Providers.Local.Voices;

namespace SpeechGate.Providers.Local;

/// <summary>
/// ElevenLabs' premade voices, by id and by name, mapped to local eSpeak NG voices, so code written for ElevenLabs (the
/// quickstart's <c>JBFqnCBsd6RMkjVDRZzb</c>, the Vercel AI SDK's <c>21m00Tcm4TlvDq8ikWAM</c>, the legacy SDK's "Sarah")
/// speaks with no key. The accent picks the eSpeak NG language (there is no Australian or Irish English in eSpeak NG,
/// so those use British English), the gender a male (<c>m1</c>–<c>m7</c>) or female (<c>f1</c>–<c>f5</c>) variant;
/// distinct variants keep neighbouring voices apart. The README lists the table.
/// </summary>
public static class StockVoices
{
    private const string American = "gmw/en-US";
    private const string British = "gmw/en-GB-x-rp";
    private const string English = "gmw/en";

    // Ids and labels as ElevenLabs' GET /v1/voices lists its premade voices (2025 set first, then the legacy voices
    // older code still names). "Bella" is Sarah's earlier name for the same id.
    internal static readonly IReadOnlyList<StockVoice> All =
    [
        new("9BWtsMINqrJLrRacOk9x", "Aria", "female", "american", American + "+f1"),
        new("CwhRBWXzGAHq8TQ4Fs17", "Roger", "male", "american", American + "+m1"),
        new("EXAVITQu4vr4xnSDxMaL", "Sarah", "female", "american", American + "+f2"),
        new("FGY2WhTYpPnrIDTdsKH5", "Laura", "female", "american", American + "+f3"),
        new("IKne3meq5aSn9XLyUdCD", "Charlie", "male", "australian", English + "+m2"),
        new("JBFqnCBsd6RMkjVDRZzb", "George", "male", "british", British + "+m3"),
        new("N2lVS1w4EtoT3dr4eOWO", "Callum", "male", "transatlantic", American + "+m4"),
        new("SAz9YHcvj6GT2YYXdXww", "River", "neutral", "american", American),
        new("TX3LPaxmHKxFdv7VOQHJ", "Liam", "male", "american", American + "+m5"),
        new("XB0fDUnXU5powFXDhCwa", "Charlotte", "female", "swedish", English + "+f4"),
        new("Xb7hH8MSUJpSbSDYk0k2", "Alice", "female", "british", British + "+f1"),
        new("XrExE9yKIg1WjnnlVkGX", "Matilda", "female", "american", American + "+f4"),
        new("bIHbv24MWmeRgasZH58o", "Will", "male", "american", American + "+m6"),
        new("cgSgspJ2msm6clMCkdW9", "Jessica", "female", "american", American + "+f5"),
        new("cjVigY5qzO86Huf0OWal", "Eric", "male", "american", American + "+m7"),
        new("iP95p4xoKVk53GoZ742B", "Chris", "male", "american", American + "+m2"),
        new("nPczCjzI2devNBz1zQrb", "Brian", "male", "american", American + "+m3"),
        new("onwK4e9ZLuTAKqWW03F9", "Daniel", "male", "british", British + "+m1"),
        new("pFZP5JQG7iQjIQuC4Bku", "Lily", "female", "british", British + "+f2"),
        new("pqHfZKP75CvOlQylNhV4", "Bill", "male", "american", American + "+m4"),
        new("21m00Tcm4TlvDq8ikWAM", "Rachel", "female", "american", American + "+f3"),
        new("pNInz6obpgDQGcFmaJgB", "Adam", "male", "american", American + "+m5"),
        new("ErXwobaYiN019PkySvjV", "Antoni", "male", "american", American + "+m6"),
        new("AZnzlk1XvdvUeBnXmlld", "Domi", "female", "american", American + "+f4"),
        new("MF3mGyEYCl7XYWbV9V6O", "Elli", "female", "american", American + "+f5"),
        new("TxGEqnHWrfWFTfGW9XjX", "Josh", "male", "american", American + "+m7"),
        new("VR6AewLTigWG4xSOukaG", "Arnold", "male", "american", American + "+m1"),
        new("29vD33N1CtxCmqQRPOHJ", "Drew", "male", "american", American + "+m2"),
        new("ThT5KcBeYPX3keUQqHPh", "Dorothy", "female", "british", British + "+f3"),
    ];

    private static readonly Dictionary<string, StockVoice> ById = All.ToDictionary(voice => voice.VoiceId, StringComparer.Ordinal);

    private static readonly Dictionary<string, StockVoice> ByName = All
        .Select(voice => (voice.Name, voice))
        .Append(("Bella", ById["EXAVITQu4vr4xnSDxMaL"]))
        .ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.OrdinalIgnoreCase);

    /// <summary>The eSpeak NG voice (file and variant, e.g. <c>gmw/en-GB-x-rp+m3</c>) standing in for a premade id or name; null for any other voice.</summary>
    public static string? EngineVoiceFor(string voiceIdOrName) => Find(voiceIdOrName)?.EngineVoice;

    internal static StockVoice? Find(string voiceIdOrName)
        => ById.GetValueOrDefault(voiceIdOrName) ?? ByName.GetValueOrDefault(voiceIdOrName);

    internal static IEnumerable<(string Name, StockVoice Voice)> Names => ByName.Select(pair => (pair.Key, pair.Value));
}
