namespace SpeechGate.Jobs;

/// <summary>
/// One render job: what to render (a script file, or every script dropped into a watched folder), when (a cron
/// schedule or on change), how (the options of <c>speechgate render</c>) and where the deliverables go.
/// </summary>
/// <remarks>Configured in <c>speechgate.json</c> (section <c>Jobs</c>, keyed by name) or in <c>jobs.yaml</c>.</remarks>
public sealed class JobDefinition
{
    /// <summary>The job's name (its key in the configuration).</summary>
    public string Name { get; set; } = "";

    /// <summary>The script file to render; relative paths are relative to the file that configured the job.</summary>
    public string? Script { get; set; }

    /// <summary>A watched folder with a file pattern, e.g. <c>inbox/*.yaml</c>: every matching script dropped there is rendered.</summary>
    public string? Watch { get; set; }

    /// <summary>
    /// A cron expression (5 fields, or 6 with seconds), <c>on-change</c> (render when the script or a watched file
    /// changes, debounced) or <c>manual</c> (only <c>jobs run</c> and the HTTP API). Default: <c>on-change</c> for a
    /// watched folder, <c>manual</c> otherwise.
    /// </summary>
    public string? Schedule { get; set; }

    /// <summary>The time zone the cron expression is read in (IANA or Windows id); default UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>How long a changed file must stay unchanged before it is rendered; default 2 seconds.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Occurrences missed while no server ran: <c>latest</c> (default, run the latest once), <c>all</c> or <c>none</c>.</summary>
    public string CatchUp { get; set; } = JobCatchUp.Latest;

    /// <summary>Project for budgets and the ledger; default the job's name.</summary>
    public string? Project { get; set; }

    /// <summary>Voice (id or alias) for scripts that name none; default the default provider's default voice.</summary>
    public string? Voice { get; set; }

    /// <summary>Loudness preset of the joined track (<c>podcast</c>, <c>youtube</c>, <c>broadcast</c> or LUFS).</summary>
    public string? Loudness { get; set; }

    /// <summary>Render what fits a hard budget instead of refusing the whole render.</summary>
    public bool AllowPartial { get; set; }

    /// <summary>Refuse lines changed since the script's lock file.</summary>
    public bool RequireLock { get; set; }

    /// <summary>Where the deliverables go.</summary>
    public List<DeliveryTargetOptions> Deliver { get; set; } = [];

    /// <summary>The project runs of this job are budgeted and ledgered as.</summary>
    public string EffectiveProject => string.IsNullOrWhiteSpace(Project) ? Name : Project;
}

/// <summary>Values of <see cref="JobDefinition.CatchUp"/>.</summary>
public static class JobCatchUp
{
    /// <summary>Run the latest missed occurrence once.</summary>
    public const string Latest = "latest";

    /// <summary>Run every missed occurrence.</summary>
    public const string All = "all";

    /// <summary>Skip missed occurrences.</summary>
    public const string None = "none";
}
