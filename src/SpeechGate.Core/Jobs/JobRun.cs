using System.Text.Json.Serialization;

namespace SpeechGate.Jobs;

/// <summary>One run of a job (or of a script posted to the HTTP API): a durable row with a lease, progress and results.</summary>
public sealed record JobRun
{
    /// <summary>Run id, e.g. <c>run_7f3a…</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The job's name (<c>api</c> for a script posted without a job).</summary>
    public required string Job { get; init; }

    /// <summary>
    /// What triggered it, unique per job: <c>cron:2026-11-21T09:00:00Z</c>, <c>file:inbox/a.yaml@sha256</c>,
    /// <c>manual:ID</c>. Two servers never both create (and so never both run) the same occurrence.
    /// </summary>
    public required string Occurrence { get; init; }

    /// <summary>Where the run is.</summary>
    public JobRunStatus Status { get; init; } = JobRunStatus.Pending;

    /// <summary>When the run was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its render started for the first time.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it reached a final status.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>How many times a server has started (or resumed) it.</summary>
    public int Attempts { get; init; }

    /// <summary>The server that holds the run now.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the lease lapses unless renewed; after that another server may resume the run.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>The run's own copy of the script (so a later edit does not change a run in progress).</summary>
    public required string ScriptPath { get; init; }

    /// <summary>Name of the deliverable: the script's file name without extension, or the job's name.</summary>
    public required string DeliverableName { get; init; }

    /// <summary>Where the render writes its deliverables.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Project the run is budgeted and ledgered as.</summary>
    public string? Project { get; init; }

    /// <summary>Gateway key that asked for the run (HTTP API), billed as the account.</summary>
    public string? AccountId { get; init; }

    /// <summary>A webhook URL that gets the manifest when the run is rendered (HTTP API).</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>Lines in the script (0 until the render starts).</summary>
    public int Lines { get; init; }

    /// <summary>Lines rendered so far.</summary>
    public int LinesDone { get; init; }

    /// <summary>Lines paid for.</summary>
    public int LinesPaid { get; init; }

    /// <summary>Lines answered from the cache.</summary>
    public int LinesCached { get; init; }

    /// <summary>Lines that failed.</summary>
    public int LinesFailed { get; init; }

    /// <summary>Credits the run spent, over all its attempts.</summary>
    public double Credits { get; init; }

    /// <summary>Lower-case hex SHA-256 of <c>manifest.json</c>, once rendered.</summary>
    public string? ManifestSha256 { get; init; }

    /// <summary>The error status (<c>voice_not_found</c>, <c>budget_exceeded</c>, <c>delivery_failed</c>…) of a failed run.</summary>
    public string? ErrorStatus { get; init; }

    /// <summary>What happened, for people: the failure, a fallback voice that spoke, a refused budget.</summary>
    public string? Message { get; init; }

    /// <summary>The delivery idempotency key, <c>&lt;job&gt;:&lt;manifest sha256&gt;</c>, once rendered.</summary>
    public string? IdempotencyKey => ManifestSha256 is null ? null : $"{Job}:{ManifestSha256}";

    /// <summary>Whether the run has finished (successfully or not).</summary>
    public bool IsFinished => Status is JobRunStatus.Succeeded or JobRunStatus.Failed or JobRunStatus.Refused;
}

/// <summary>Where a run is (lower-case in JSON, as the HTTP API shows it).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobRunStatus>))]
public enum JobRunStatus
{
    /// <summary>Waiting for a server to take it.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>Rendering (lines through the pipeline).</summary>
    [JsonStringEnumMemberName("rendering")]
    Rendering,

    /// <summary>Rendered; delivering to the job's targets.</summary>
    [JsonStringEnumMemberName("delivering")]
    Delivering,

    /// <summary>Rendered and delivered everywhere.</summary>
    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    /// <summary>Failed (a voice is gone, a line failed, a delivery gave up); see the message.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>A hard budget refused the render; nothing more is tried for this run.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,
}

/// <summary>One attempt to deliver a run to one target.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Target">The target's name.</param>
/// <param name="Attempt">1 for the first attempt.</param>
/// <param name="At">When the attempt ended.</param>
/// <param name="IdempotencyKey">The key sent with it.</param>
/// <param name="Delivered">Whether the target accepted it.</param>
/// <param name="Message">What the target answered (status code, error).</param>
public sealed record DeliveryAttempt(string RunId, string Target, int Attempt, DateTimeOffset At, string IdempotencyKey, bool Delivered, string? Message);
