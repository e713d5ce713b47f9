using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SpeechGate.Jobs;

/// <summary>
/// Runs the configured jobs in a server: creates a run for each cron occurrence (with catch-up of those missed while
/// stopped) and for each new or changed file in a watched folder (debounced), and works through open runs with a
/// lease, resuming those a killed server left behind.
/// </summary>
public sealed partial class JobScheduler(
    JobRuns runs,
    JobRunner runner,
    IOptions<JobServiceOptions> options,
    TimeProvider time,
    ILogger<JobScheduler>? logger = null) : IDisposable
{
    private readonly ILogger _logger = logger ?? NullLogger<JobScheduler>.Instance;
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>This server's name on the leases it takes.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..12]}";

    /// <summary>Wakes the worker: a run was just created.</summary>
    public void Signal()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _wake.Dispose();

    /// <summary>Schedules and runs jobs until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var tasks = new List<Task> { WorkAsync(cancellationToken) };
        foreach (var job in runs.Catalog.Jobs)
        {
            var schedule = runs.Catalog.ScheduleOf(job);
            if (schedule.IsCron)
            {
                tasks.Add(ScheduleAsync(job, schedule, cancellationToken));
            }
            else if (schedule.IsOnChange)
            {
                tasks.Add(WatchAsync(job, cancellationToken));
            }
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Creates the runs of <paramref name="job"/>'s cron occurrences, catching up on those missed, until cancelled.</summary>
    public async Task ScheduleAsync(JobDefinition job, JobSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(schedule);
        try
        {
            var now = time.GetUtcNow();
            var until = await runs.Store.GetScheduledUntilAsync(job.Name, cancellationToken).ConfigureAwait(false);
            if (until is { } since)
            {
                var missed = schedule.Between(since, now).ToList();
                var caughtUp = job.CatchUp switch
                {
                    JobCatchUp.All => missed,
                    JobCatchUp.None => [],
                    _ => missed.Count > 0 ? [missed[^1]] : [],
                };
                if (missed.Count > 0)
                {
                    LogMissed(_logger, job.Name, missed.Count, caughtUp.Count);
                }

                foreach (var occurrence in caughtUp)
                {
                    await CreateAsync(job, JobRuns.CronOccurrence(occurrence), cancellationToken).ConfigureAwait(false);
                }
            }

            await runs.Store.SetScheduledUntilAsync(job.Name, now, cancellationToken).ConfigureAwait(false);
            var last = now;
            while (schedule.Next(last) is { } next)
            {
                // Timers top out at about 49 days; a far occurrence is reached in steps.
                for (var wait = next - time.GetUtcNow(); wait > TimeSpan.Zero; wait = next - time.GetUtcNow())
                {
                    await Task.Delay(wait < TimeSpan.FromDays(1) ? wait : TimeSpan.FromDays(1), time, cancellationToken).ConfigureAwait(false);
                }

                await CreateAsync(job, JobRuns.CronOccurrence(next), cancellationToken).ConfigureAwait(false);
                await runs.Store.SetScheduledUntilAsync(job.Name, next, cancellationToken).ConfigureAwait(false);
                last = next;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Creates a run for each new or changed file <paramref name="job"/> watches (debounced), until cancelled.</summary>
    public async Task WatchAsync(JobDefinition job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var pattern = job.Watch ?? job.Script!;
        var directory = Path.GetDirectoryName(pattern)!;
        var filter = Path.GetFileName(pattern);
        Directory.CreateDirectory(directory);
        var pending = new ConcurrentDictionary<string, CancellationTokenSource>(StringComparer.Ordinal);
        var seen = new ConcurrentDictionary<string, (DateTime Written, long Length)>(StringComparer.Ordinal);

        void Changed(string path)
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || !System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(filter, name))
            {
                return;
            }

            var debounce = new CancellationTokenSource();
            var previous = pending.GetValueOrDefault(path);
            pending[path] = debounce;
            previous?.Cancel();
            _ = DebounceAsync(job, path, debounce, pending, seen, cancellationToken);
        }

        using var watcher = new FileSystemWatcher(directory, filter) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        watcher.Created += (_, e) => Changed(e.FullPath);
        watcher.Changed += (_, e) => Changed(e.FullPath);
        watcher.Renamed += (_, e) => Changed(e.FullPath);
        watcher.EnableRaisingEvents = true;
        try
        {
            // The first scan catches up on files dropped while no server ran; later scans on events the watcher lost.
            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (var file in Directory.EnumerateFiles(directory, filter))
                {
                    var info = new FileInfo(file);
                    var stamp = (info.LastWriteTimeUtc, info.Length);
                    if (!seen.TryGetValue(file, out var known) || known != stamp)
                    {
                        Changed(file);
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(30), time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (IOException error)
        {
            LogWatchFailed(_logger, job.Name, directory, error.Message);
        }
    }

    private async Task DebounceAsync(JobDefinition job, string path, CancellationTokenSource debounce,
        ConcurrentDictionary<string, CancellationTokenSource> pending, ConcurrentDictionary<string, (DateTime, long)> seen, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, debounce.Token);
        try
        {
            await Task.Delay(job.Debounce, time, linked.Token).ConfigureAwait(false);
            if (!File.Exists(path))
            {
                return;
            }

            var info = new FileInfo(path);
            seen[path] = (info.LastWriteTimeUtc, info.Length);
            var occurrence = await JobRuns.FileOccurrenceAsync(path, cancellationToken).ConfigureAwait(false);
            await CreateAsync(job, occurrence, cancellationToken, path).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException error)
        {
            LogWatchFailed(_logger, job.Name, path, error.Message);
        }
        finally
        {
            pending.TryRemove(new KeyValuePair<string, CancellationTokenSource>(path, debounce));
            debounce.Dispose();
        }
    }

    private async Task CreateAsync(JobDefinition job, string occurrence, CancellationToken cancellationToken, string? script = null)
    {
        var run = await runs.CreateAsync(job, occurrence, script ?? job.Script!, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (run is not null)
        {
            LogCreated(_logger, run.Id, job.Name, occurrence);
            Signal();
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var slots = new SemaphoreSlim(Math.Max(1, settings.Concurrency));
        var running = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                JobRun? run;
                try
                {
                    run = await runs.Store.ClaimNextAsync(Owner, time.GetUtcNow(), settings.LeaseDuration, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
                {
                    LogClaimFailed(_logger, error.Message);
                    run = null;
                }

                if (run is null)
                {
                    slots.Release();
                    await _wake.WaitAsync(settings.PollInterval, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                LogStarting(_logger, run.Id, run.Job, run.Attempts);
                running.RemoveAll(task => task.IsCompleted);
                running.Add(RunOneAsync(run, slots, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RunOneAsync(JobRun run, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            await runner.RunAsync(run, Owner, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One failed run must not stop the worker; the run stays open and is retried after its lease.
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogRunCrashed(_logger, error, run.Id);
        }
        finally
        {
            slots.Release();
            Signal();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: {Missed} occurrences were missed while stopped; running {CaughtUp}.")]
    private static partial void LogMissed(ILogger logger, string job, int missed, int caughtUp);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of job {Job} created for {Occurrence}.")]
    private static partial void LogCreated(ILogger logger, string runId, string job, string occurrence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of job {Job}: starting (attempt {Attempt}).")]
    private static partial void LogStarting(ILogger logger, string runId, string job, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job}: cannot watch {Path}: {Message}")]
    private static partial void LogWatchFailed(ILogger logger, string job, string path, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot look for runs: {Message}")]
    private static partial void LogClaimFailed(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} stopped unexpectedly; it resumes when its lease lapses.")]
    private static partial void LogRunCrashed(ILogger logger, Exception error, string runId);
}
