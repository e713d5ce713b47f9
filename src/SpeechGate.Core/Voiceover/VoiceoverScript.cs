using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover;

/// <summary>A voiceover script: lines to render, with defaults for voice, model and format.</summary>
/// <remarks>
/// YAML or JSON: <c>{voice, model, format, project, settings, language, pause, lines: [{id, text, voice?, model?,
/// settings?, language?, pause?}]}</c>; plain text is one line per paragraph (blank-line separated), with ids
/// <c>line-1</c>, <c>line-2</c>…; SRT/WebVTT cues and CSV rows (<c>speaker,line[,start,end]</c>) carry their timing.
/// </remarks>
public sealed class VoiceoverScript
{
    /// <summary>Default voice id or alias.</summary>
    public string? Voice { get; set; }

    /// <summary>Default model id.</summary>
    public string? Model { get; set; }

    /// <summary>Default output format.</summary>
    public string? Format { get; set; }

    /// <summary>Project tag for metering and budgets.</summary>
    public string? Project { get; set; }

    /// <summary>Default voice settings.</summary>
    public VoiceSettings? Settings { get; set; }

    /// <summary>Default ISO 639-1 language code.</summary>
    public string? Language { get; set; }

    /// <summary>Default silence between lines in a joined track, e.g. <c>400ms</c>.</summary>
    public string? Pause { get; set; }

    /// <summary>The lines, in order.</summary>
    public List<VoiceoverLine> Lines { get; set; } = [];
}
