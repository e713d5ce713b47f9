using YamlDotNet.Serialization;

namespace SpeechGate.Voiceover;

/// <summary>One line of a script; its id ties regenerations of the line together in the ledger.</summary>
public sealed class VoiceoverLine
{
    /// <summary>Stable line id.</summary>
    public string? Id { get; set; }

    /// <summary>What to say.</summary>
    public string Text { get; set; } = "";

    /// <summary>Voice for this line (overrides the script's).</summary>
    public string? Voice { get; set; }

    /// <summary>Model for this line (overrides the script's).</summary>
    public string? Model { get; set; }

    /// <summary>For a caption cue: when it appears (null for other scripts).</summary>
    [YamlIgnore]
    public TimeSpan? Start { get; set; }

    /// <summary>For a caption cue: when it disappears.</summary>
    [YamlIgnore]
    public TimeSpan? End { get; set; }
}
