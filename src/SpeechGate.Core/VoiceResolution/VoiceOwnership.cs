namespace SpeechGate.VoiceResolution;

/// <summary>How far a voice is the account's own: what decides whether a publisher can take it away.</summary>
public static class VoiceOwnership
{
    /// <summary>Cloned or designed by the account: nobody else can remove it.</summary>
    public const string Owned = "owned";

    /// <summary>A shared library voice added to My Voices (a stable id; the publisher can still retire it after a notice).</summary>
    public const string PinnedCopy = "pinned_copy";

    /// <summary>Pinned as it is (not a library copy, not owned).</summary>
    public const string Pinned = "pinned";

    /// <summary>One of ElevenLabs' premade voices.</summary>
    public const string Premade = "premade";

    /// <summary>A raw library voice id, not in My Voices: it vanishes when its publisher unshares it.</summary>
    public const string Library = "raw_library_id";

    /// <summary>Not known (the voice is gone).</summary>
    public const string Unknown = "unknown";
}
