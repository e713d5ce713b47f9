namespace SpeechGate.Voiceover.Rendering;

/// <summary>What <c>manifest.json</c> holds: the script, the preset, the track, totals and every line.</summary>
/// <param name="Script">The script's file name.</param>
/// <param name="ScriptSha256">Lower-case hex SHA-256 of the script's bytes.</param>
/// <param name="Format">The output format of every clip and of the track.</param>
/// <param name="Loudness">The track's loudness target and what was measured.</param>
/// <param name="Track">The joined track.</param>
/// <param name="Captions">Caption files, relative to the output directory.</param>
/// <param name="Totals">Totals over all lines, and what this render spent.</param>
/// <param name="Lines">Every line, in script order.</param>
/// <param name="Checks">Problems found after the render.</param>
public sealed record RenderManifest(
    string Script,
    string ScriptSha256,
    string Format,
    RenderLoudness Loudness,
    RenderFile Track,
    IReadOnlyList<string> Captions,
    RenderTotals Totals,
    IReadOnlyList<RenderManifestLine> Lines,
    IReadOnlyList<RenderCheck> Checks);

/// <summary>The loudness target and the track's measurement (EBU R128 via libebur128).</summary>
/// <param name="Preset">Preset name or number as given.</param>
/// <param name="TargetLufs">Target integrated loudness.</param>
/// <param name="IntegratedLufs">Measured integrated loudness of the encoded track.</param>
/// <param name="TruePeakDbtp">Measured true peak of the encoded track.</param>
/// <param name="GainDb">Gain applied before the true-peak limiter.</param>
public sealed record RenderLoudness(string Preset, double TargetLufs, double IntegratedLufs, double TruePeakDbtp, double GainDb);

/// <summary>A delivered file.</summary>
/// <param name="File">Path relative to the output directory.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes.</param>
/// <param name="DurationMs">Decoded duration.</param>
public sealed record RenderFile(string File, string Sha256, long DurationMs);

/// <summary>Totals of a render.</summary>
/// <param name="Lines">Lines in the script.</param>
/// <param name="Characters">Billable characters of every line.</param>
/// <param name="DurationMs">Duration of the track.</param>
/// <param name="Credits">Credits this render spent.</param>
/// <param name="Paid">Lines paid for in this render.</param>
/// <param name="Cached">Lines answered from the cache (or a kept take) for 0 credits.</param>
/// <param name="Skipped">Lines left out by <c>--allow-partial</c>.</param>
public sealed record RenderTotals(int Lines, long Characters, long DurationMs, double Credits, int Paid, int Cached, int Skipped);
