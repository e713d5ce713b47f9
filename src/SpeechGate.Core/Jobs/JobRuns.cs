using System.Security.Cryptography;
using SpeechGate.Synthesis;

namespace SpeechGate.Jobs;

/// <summary>Creates runs: one per occurrence of a job (a cron instant, a changed file, a request), each with its own directory.</summary>
public sealed class JobRuns(IJobRunStore store, JobCatalog catalog, TimeProvider time, string dataDirectory)
{
    /// <summary>The job name of scripts posted to the HTTP API without a job.</summary>
    public const string AdHocJob = "api";

    /// <summary>Where runs keep their scripts and deliverables: <c>&lt;data&gt;/jobs/runs/&lt;id&gt;/</c>.</summary>
    public string RunsDirectory { get; } = Path.Combine(dataDirectory, "jobs", "runs");

    /// <summary>The store.</summary>
    public IJobRunStore Store => store;

    /// <summary>The configured jobs.</summary>
    public JobCatalog Catalog => catalog;

    /// <summary>Creates the run of <paramref name="job"/> for <paramref name="occurrence"/>, or null when it already exists.</summary>
    /// <param name="job">The job.</param>
    /// <param name="occurrence">What triggered it (unique per job).</param>
    /// <param name="scriptPath">The script to render: the job's, or the watched file that changed.</param>
    /// <param name="callbackUrl">A webhook to tell when rendered (HTTP API).</param>
    /// <param name="accountId">The gateway key that asked (HTTP API).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<JobRun?> CreateAsync(JobDefinition job, string occurrence, string scriptPath, string? callbackUrl = null, string? accountId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var id = NewId();
        var name = job.Watch is null ? job.Name : Path.GetFileNameWithoutExtension(scriptPath);
        return store.CreateAsync(NewRun(id, job.Name, occurrence, scriptPath, name, job.EffectiveProject, callbackUrl, accountId), cancellationToken);
    }

    /// <summary>Creates a run of a script posted without a job: the script is written into the run's directory.</summary>
    public async Task<JobRun> CreateAdHocAsync(string script, string fileName, string? project, string? callbackUrl, string? accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var id = NewId();
        var directory = Path.Combine(RunsDirectory, id);
        Directory.CreateDirectory(directory);
        var scriptPath = Path.Combine(directory, fileName);
        await File.WriteAllTextAsync(scriptPath, script, cancellationToken).ConfigureAwait(false);
        var run = NewRun(id, AdHocJob, "request:" + id, scriptPath, id, project, callbackUrl, accountId);
        return await store.CreateAsync(run, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Run id {id} was taken.");
    }

    /// <summary>The occurrence key of a changed file: its path and its content hash (the same content never runs twice).</summary>
    public static async Task<string> FileOccurrenceAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return $"file:{path}@{Convert.ToHexStringLower(hash)}";
    }

    /// <summary>The occurrence key of a cron instant.</summary>
    public static string CronOccurrence(DateTimeOffset instant)
        => "cron:" + instant.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The script a run of <paramref name="job"/> renders when started by hand (its script file).</summary>
    /// <exception cref="SpeechException">A watch job has no single script.</exception>
    public static string ScriptOf(JobDefinition job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Script ?? throw new SpeechException(422, "invalid_parameters",
            $"job '{job.Name}' watches {job.Watch}; drop a script there (it runs on change) instead of running it by hand.")
        { Param = "job" };
    }

    private JobRun NewRun(string id, string job, string occurrence, string scriptPath, string name, string? project, string? callbackUrl, string? accountId) => new()
    {
        Id = id,
        Job = job,
        Occurrence = occurrence,
        CreatedAt = time.GetUtcNow(),
        ScriptPath = scriptPath,
        DeliverableName = name,
        OutputDirectory = Path.Combine(RunsDirectory, id, "out"),
        Project = project,
        CallbackUrl = callbackUrl,
        AccountId = accountId,
    };

    private static string NewId() => "run_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
}
