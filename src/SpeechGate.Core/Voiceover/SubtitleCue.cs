namespace SpeechGate.Voiceover;

/// <summary>One cue of an SRT or WebVTT file.</summary>
/// <param name="Id">The cue's identifier (SRT's counter, WebVTT's optional id), or null.</param>
/// <param name="Start">When the cue appears.</param>
/// <param name="End">When it disappears.</param>
/// <param name="Text">The payload exactly as written (lines joined with <c>\n</c>), markup included.</param>
/// <param name="Line">1-based line of the payload's first line in the file.</param>
/// <param name="Offset">Character offset of the payload in the file (after <c>\r\n</c> became <c>\n</c>).</param>
public sealed record SubtitleCue(string? Id, TimeSpan Start, TimeSpan End, string Text, int Line, int Offset)
{
    /// <summary>What a voice should say: markup removed (<c>&lt;i&gt;</c>, <c>&lt;v Name&gt;</c>, <c>{\an8}</c>…), entities decoded, lines joined by spaces.</summary>
    public string SpokenText => SubtitleMarkup.ToSpokenText(Text);

    /// <summary>The WebVTT voice span's speaker (<c>&lt;v Roger&gt;</c>), if any.</summary>
    public string? Speaker => SubtitleMarkup.SpeakerOf(Text);
}
