using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover;

/// <summary>One line of a script; its id ties regenerations of the line together in the ledger.</summary>
public sealed class VoiceoverLine
{
    /// <summary>Stable line id.</summary>
    public string? Id { get; set; }

    /// <summary>What to say.</summary>
    public string Text { get; set; } = "";

    /// <summary>Voice for this line (overrides the script's): a voice id or an alias from <c>voices.yaml</c>.</summary>
    public string? Voice { get; set; }

    /// <summary>Model for this line (overrides the script's).</summary>
    public string? Model { get; set; }

    /// <summary>Voice settings for this line; fields it leaves out come from the script's.</summary>
    public VoiceSettings? Settings { get; set; }

    /// <summary>ISO 639-1 language code for this line (overrides the script's).</summary>
    public string? Language { get; set; }

    /// <summary>Silence after this line in a joined track, e.g. <c>500ms</c> or <c>1.5s</c> (overrides the script's).</summary>
    public string? Pause { get; set; }

    /// <summary>Where the line starts in the track, in seconds (subtitle cues and timed CSV rows).</summary>
    public double? Start { get; set; }

    /// <summary>Where the cue ends, in seconds, when the script gives one.</summary>
    public double? End { get; set; }
}
