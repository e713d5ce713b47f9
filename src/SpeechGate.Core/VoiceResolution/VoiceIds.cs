namespace SpeechGate.VoiceResolution;

/// <summary>Tells raw voice ids from aliases and local fallbacks.</summary>
public static class VoiceIds
{
    /// <summary>Prefix of a fallback that names a local voice: <c>local:VOICE</c>.</summary>
    public const string LocalPrefix = "local:";

    /// <summary>The local provider's name.</summary>
    public const string LocalProvider = Synthesis.SpeechProviderNames.Local;

    /// <summary>Whether <paramref name="value"/> has the shape of a provider voice id (20 ASCII letters and digits).</summary>
    public static bool LooksLikeVoiceId(string value)
        => value is { Length: 20 } && value.All(char.IsAsciiLetterOrDigit);

    /// <summary>The local voice a <c>local:VOICE</c> fallback names, or null.</summary>
    public static string? LocalVoice(string fallback)
        => fallback.StartsWith(LocalPrefix, StringComparison.Ordinal) && fallback.Length > LocalPrefix.Length ? fallback[LocalPrefix.Length..] : null;
}
