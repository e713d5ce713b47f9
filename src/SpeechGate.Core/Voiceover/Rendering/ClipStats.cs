namespace SpeechGate.Voiceover.Rendering;

/// <summary>What decoding a clip showed: its length, its peak and the silence at either end.</summary>
/// <param name="Samples">Decoded samples.</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="PeakDbfs">Sample peak (negative infinity when all zero).</param>
/// <param name="LeadingMs">Silence before the first sample above the threshold.</param>
/// <param name="TrailingMs">Silence after the last sample above the threshold.</param>
internal sealed record ClipStats(long Samples, int SampleRate, double PeakDbfs, long LeadingMs, long TrailingMs)
{
    /// <summary>Samples below this level (−45 dBFS) count as silence.</summary>
    public const float SilenceLevel = 0.0056f;

    public long DurationMs => SampleRate == 0 ? 0 : Samples * 1000 / SampleRate;
}
