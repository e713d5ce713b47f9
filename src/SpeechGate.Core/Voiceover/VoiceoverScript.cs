namespace SpeechGate.Voiceover;

/// <summary>A voiceover script: lines to render, with defaults for voice, model and format.</summary>
/// <remarks>
/// YAML or JSON: <c>{voice, model, format, project, lines: [{id, text, voice?, model?}]}</c>; SRT/WebVTT: one line per
/// cue (its id, or <c>cue-N</c>); plain text is one line per
/// paragraph (blank-line separated), with ids <c>line-1</c>, <c>line-2</c>…
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

    /// <summary>The lines, in order.</summary>
    public List<VoiceoverLine> Lines { get; set; } = [];
}
