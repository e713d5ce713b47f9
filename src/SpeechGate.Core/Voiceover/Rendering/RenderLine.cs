namespace SpeechGate.Voiceover.Rendering;

/// <summary>A script line as the render handles it: its requests, its take, and what was delivered.</summary>
internal sealed class RenderLine(int index, VoiceoverLine line, string voice, IReadOnlyList<RenderSegment> segments)
{
    public int Index { get; } = index;

    public string Id { get; } = line.Id!;

    public VoiceoverLine Line { get; } = line;

    public string Voice { get; } = voice;

    public IReadOnlyList<RenderSegment> Segments { get; } = segments;

    /// <summary>A hash of the line's audio-deciding requests: takes recorded for another identity are stale.</summary>
    public string Identity { get; set; } = "";

    public int Characters { get; set; }

    public int PauseMs { get; set; }

    /// <summary><c>cached</c>, <c>pay</c>, <c>take</c>, <c>skip</c>; <c>new-take</c> adds a paid take after the line's first.</summary>
    public string Action { get; set; } = "pay";

    public bool NewTake { get; set; }

    public int Take { get; set; } = 1;

    public bool Failed { get; set; }

    /// <summary>The delivered clip in the staging directory, and facts about it.</summary>
    public string? File { get; set; }

    public string Sha256 { get; set; } = "";

    public long DurationMs { get; set; }

    public long OffsetMs { get; set; }

    public long OffsetSamples { get; set; }

    public double Credits { get; set; }

    public string Cache { get; set; } = "none";

    public string? RequestId { get; set; }

    public string VoiceId { get; set; } = "";

    public ClipStats? Stats { get; set; }

    /// <summary>The audio delivered, in order: one part per request, or one kept take.</summary>
    public List<RenderPart> Parts { get; } = [];

    /// <summary>Whether the line is in the track (not failed, not skipped).</summary>
    public bool Delivered => !Failed && Action != "skip" && Parts.Count > 0;
}
