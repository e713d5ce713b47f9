using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>
/// Renders a voiceover script into production deliverables (per-line clips, a joined and loudness-normalised track,
/// captions and <c>manifest.json</c>) through the one speech pipeline: proof, plan, pay once, write atomically.
/// </summary>
/// <remarks>
/// Used by <c>speechgate render</c> and by scheduled jobs in <c>serve</c>. Rendering an unchanged script costs 0 credits
/// and rewrites byte-identical deliverables; a render killed half-way and run again pays every line exactly once.
/// </remarks>
public interface IVoiceoverRenderer
{
    /// <summary>Plans and renders <paramref name="request"/>; <see cref="RenderRequest.DryRun"/> stops after the plan.</summary>
    /// <exception cref="SpeechException">The script is invalid, a hard budget refuses the whole render, or a line failed.</exception>
    Task<RenderResult> RenderAsync(RenderRequest request, IProgress<RenderProgress>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>What to render and where.</summary>
/// <param name="ScriptPath">The script file (plain text, YAML/JSON, SRT/WebVTT, CSV).</param>
/// <param name="OutputDirectory">Where the deliverables appear (atomically: a reader never sees half a render).</param>
public sealed record RenderRequest(string ScriptPath, string OutputDirectory)
{
    /// <summary>Project for budgets and the ledger; defaults to the script's own, else the script's file name.</summary>
    public string? Project { get; init; }

    /// <summary>Gateway key (account) the render is billed to, when run on behalf of one.</summary>
    public string? AccountId { get; init; }

    /// <summary>Stop after the plan: nothing is paid and nothing is written.</summary>
    public bool DryRun { get; init; }

    /// <summary>Render what fits a hard budget, in order, instead of refusing the whole render.</summary>
    public bool AllowPartial { get; init; }

    /// <summary>Refuse lines changed since the script's lock file.</summary>
    public bool RequireLock { get; init; }

    /// <summary>Loudness preset: <c>podcast</c>, <c>youtube</c>, <c>broadcast</c> or a LUFS number such as <c>-16</c>.</summary>
    public string? Loudness { get; init; }

    /// <summary>Provider for every line (null: the configured default).</summary>
    public string? Provider { get; init; }

    /// <summary>Voice (id or alias) for lines that name none and a script that names none.</summary>
    public string? Voice { get; init; }

    /// <summary>Model for lines that name none and a script that names none.</summary>
    public string? Model { get; init; }

    /// <summary>Output format when the script names none (default <c>mp3_44100_128</c>).</summary>
    public string? Format { get; init; }

    /// <summary>Silence between lines without cue times when neither line nor script sets one (default <c>400ms</c>).</summary>
    public string? Pause { get; init; }

    /// <summary>Lines to pay a new take for (a regeneration that bypasses the cache); earlier takes are kept.</summary>
    public IReadOnlyList<string> NewTakes { get; init; } = [];

    /// <summary>Earlier takes to deliver, by line id (0 credits); the choice is recorded for later renders.</summary>
    public IReadOnlyDictionary<string, int> Takes { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Send neighbours' text as <c>previous_text</c>/<c>next_text</c> (keyed: editing a line then re-pays its two
    /// neighbours, never more) and, for ElevenLabs, finished neighbours' request ids as hints (never keyed, never a new take's).
    /// </summary>
    public bool Stitch { get; init; }

    /// <summary>Requests in flight at once (null: sized to the provider's plan).</summary>
    public int? Concurrency { get; init; }
}

/// <summary>What a render did.</summary>
/// <param name="OutputDirectory">The directory holding the deliverables.</param>
/// <param name="ManifestPath">Path of <c>manifest.json</c> (empty on a dry run).</param>
/// <param name="ManifestSha256">Lower-case hex SHA-256 of <c>manifest.json</c>'s bytes (empty on a dry run).</param>
/// <param name="Lines">Lines in the script.</param>
/// <param name="LinesPaid">Lines paid for in this render.</param>
/// <param name="LinesCached">Lines answered from the cache.</param>
/// <param name="LinesFailed">Lines that failed.</param>
/// <param name="Credits">Credits spent by this render.</param>
public sealed record RenderResult(
    string OutputDirectory,
    string ManifestPath,
    string ManifestSha256,
    int Lines,
    int LinesPaid,
    int LinesCached,
    int LinesFailed,
    double Credits)
{
    /// <summary>The plan the render followed (or, on a dry run, would follow).</summary>
    public RenderPlan? Plan { get; init; }

    /// <summary>The manifest written (null on a dry run).</summary>
    public RenderManifest? Manifest { get; init; }
}

/// <summary>Progress of a render, reported after each line.</summary>
public sealed record RenderProgress(int Lines, int Done, int Cached, int Paid, int Failed, double Credits);
