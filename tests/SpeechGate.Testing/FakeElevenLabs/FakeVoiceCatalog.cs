namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>The voices a fresh fake account starts with.</summary>
public static class FakeVoiceCatalog
{
    /// <summary>Rachel, premade.</summary>
    public const string Rachel = "21m00Tcm4TlvDq8ikWAM";

    /// <summary>George, premade.</summary>
    public const string George = "JBFqnCBsd6RMkjVDRZzb";

    /// <summary>Sarah, premade.</summary>
    public const string Sarah = "EXAVITQu4vr4xnVKLDIG";

    /// <summary>Publisher of the library voices.</summary>
    public const string LibraryOwner = "pub_7f3a9c";

    /// <summary>A library voice (not in My Voices until added).</summary>
    public const string LibraryNarrator = "lib_narrator_01";

    /// <summary>Premade voices.</summary>
    public static IEnumerable<FakeVoice> Premade() =>
    [
        Voice(Rachel, "Rachel", "female", "american"),
        Voice(George, "George", "male", "british"),
        Voice(Sarah, "Sarah", "female", "american"),
    ];

    /// <summary>The public library.</summary>
    public static IEnumerable<FakeSharedVoice> Library() =>
    [
        new(LibraryOwner, LibraryNarrator, "Deep Narrator", "male", "british", "en"),
        new(LibraryOwner, "lib_storyteller_02", "Warm Storyteller", "female", "american", "en"),
        new("pub_1b2c3d", "lib_announcer_03", "Radio Announcer", "male", "american", "en"),
    ];

    private static FakeVoice Voice(string id, string name, string gender, string accent) => new(id, name, "premade")
    {
        Labels = new Dictionary<string, string> { ["gender"] = gender, ["accent"] = accent, ["language"] = "en" },
    };
}
