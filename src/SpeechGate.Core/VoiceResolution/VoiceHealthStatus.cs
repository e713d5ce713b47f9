namespace SpeechGate.VoiceResolution;

/// <summary>The status strings of a <see cref="VoiceHealthEntry"/>.</summary>
internal static class VoiceHealthStatus
{
    /// <summary>Exists and is usable as pinned.</summary>
    public const string Ok = "ok";

    /// <summary>Gone: requests with it fail (or fall back).</summary>
    public const string Missing = "missing";

    /// <summary>A library voice the publisher stopped sharing, not in My Voices: unusable.</summary>
    public const string Unshared = "unshared";

    /// <summary>Exists, but its category differs from the pin.</summary>
    public const string CategoryChanged = "category_changed";

    /// <summary>The pinned copy is fine, but the library original it came from was removed or unshared.</summary>
    public const string OriginalGone = "original_gone";

    /// <summary>A shared library voice used without a pin: it can vanish; run <c>voices pin</c>.</summary>
    public const string Unpinned = "unpinned_library_voice";

    /// <summary>ElevenLabs announced the voice's removal (workspace webhook): it still speaks, until the date.</summary>
    public const string RemovalAnnounced = "removal_announced";

    /// <summary>Whether a status means requests with the voice fail.</summary>
    public static bool IsBroken(string status) => status is Missing or Unshared;
}
