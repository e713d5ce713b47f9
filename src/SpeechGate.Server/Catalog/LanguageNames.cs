namespace SpeechGate.Server.Catalog;

/// <summary>English names of the ISO 639-1 codes KnownModels uses, for <c>languages[].name</c>.</summary>
internal static class LanguageNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["en"] = "English",
        ["ja"] = "Japanese",
        ["zh"] = "Chinese",
        ["de"] = "German",
        ["hi"] = "Hindi",
        ["fr"] = "French",
        ["ko"] = "Korean",
        ["pt"] = "Portuguese",
        ["it"] = "Italian",
        ["es"] = "Spanish",
        ["id"] = "Indonesian",
        ["nl"] = "Dutch",
        ["tr"] = "Turkish",
        ["fil"] = "Filipino",
        ["pl"] = "Polish",
        ["sv"] = "Swedish",
        ["bg"] = "Bulgarian",
        ["ro"] = "Romanian",
        ["ar"] = "Arabic",
        ["cs"] = "Czech",
        ["el"] = "Greek",
        ["fi"] = "Finnish",
        ["hr"] = "Croatian",
        ["ms"] = "Malay",
        ["sk"] = "Slovak",
        ["da"] = "Danish",
        ["ta"] = "Tamil",
        ["uk"] = "Ukrainian",
        ["ru"] = "Russian",
        ["hu"] = "Hungarian",
        ["no"] = "Norwegian",
        ["vi"] = "Vietnamese",
    };

    public static string For(string code) => Names.GetValueOrDefault(code, code);
}
