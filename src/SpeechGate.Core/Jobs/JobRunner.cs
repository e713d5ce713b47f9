using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using SpeechGate.Delivery;
using SpeechGate.Synthesis;
using SpeechGate.Voiceover.Rendering;

namespace SpeechGate.Jobs;

/// <summary>
/// Takes a leased run to its end: voices checked before anything is paid, rendered through <see cref="IVoiceoverRenderer"/>
/// (a resumed run re-renders, and every line already paid is a free cache hit), then delivered to each target not yet
/// delivered, retried with backoff and never re-rendered.
/// </summary>
public sealed partial class JobRunner(
    IServiceProvider services,
    JobRuns runs,
    IOptions<JobServiceOptions> options,
    TimeProvider time,
    ILogger<JobRunner>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<JobRunner>.Instance;

    /// <summary>The gateway address receivers fetch files from; set by the host once it listens.</summary>
    public Uri? PublicUrl { get; set; } = options.Value.PublicUrl;

    /// <summary>Runs <paramref name="run"/>, which <paramref name="owner"/> has claimed, and returns it as it ended.</summary>
    /// <remarks>Stops quietly (the run stays open for another server) when cancelled or when the lease is lost.</remarks>
    public async Task<JobRun> RunAsync(JobRun run, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewLeaseAsync(run.Id, owner, work);
        try
        {
            run = await RenderAsync(run, owner, work.Token).ConfigureAwait(false);
            if (run.Status == JobRunStatus.Delivering)
            {
                run = await DeliverAsync(run, owner, work.Token).ConfigureAwait(false);
            }

            return run;
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: let another server (or this one, restarted) resume the run at once.
                await runs.Store.ReleaseAsync(run.Id, owner, CancellationToken.None).ConfigureAwait(false);
            }

            return run;
        }
        catch (JobLeaseLostException)
        {
            LogLeaseLost(_logger, run.Id);
            return run;
        }
        finally
        {
            await work.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
    }

    private async Task<JobRun> RenderAsync(JobRun run, string owner, CancellationToken cancellationToken)
    {
        if (run.Status is not (JobRunStatus.Pending or JobRunStatus.Rendering))
        {
            return run;
        }

        var job = runs.Catalog.Find(run.Job);
        run = run with { Status = JobRunStatus.Rendering, StartedAt = run.StartedAt ?? time.GetUtcNow() };
        await runs.Store.UpdateAsync(run, owner, cancellationToken).ConfigureAwait(false);
        try
        {
            if (services.GetService<IVoiceoverRenderer>() is not { } renderer)
            {
                throw new SpeechException(501, "render_unavailable", "This build has no voiceover renderer registered.");
            }

            if (!File.Exists(run.ScriptPath))
            {
                throw new SpeechException(404, "script_not_found", $"The script {run.ScriptPath} does not exist (any more).");
            }

            var notices = await services.GetRequiredService<JobVoiceCheck>().CheckAsync(run.ScriptPath, cancellationToken).ConfigureAwait(false);
            var started = run;
            var progress = new ProgressWriter(runs.Store, started, owner);
            var request = new RenderRequest(run.ScriptPath, run.OutputDirectory)
            {
                Project = run.Project,
                AccountId = run.AccountId,
                AllowPartial = job?.AllowPartial ?? false,
                RequireLock = job?.RequireLock ?? false,
                Loudness = job?.Loudness,
                Voice = job?.Voice ?? services.GetService<DefaultVoice>()?.For(null),
            };
            var result = await renderer.RenderAsync(request, progress, cancellationToken).ConfigureAwait(false);
            await progress.DrainAsync().ConfigureAwait(false);
            if (string.IsNullOrEmpty(result.ManifestSha256))
            {
                throw new SpeechException(500, "render_failed", "The render produced no manifest.");
            }

            var partial = result.LinesFailed > 0 ? $"{result.LinesFailed} of {result.Lines} lines were not rendered." : null;
            run = Apply(started, result.Lines, result.LinesPaid + result.LinesCached + result.LinesFailed, result.LinesPaid, result.LinesCached, result.LinesFailed, result.Credits) with
            {
                Status = JobRunStatus.Delivering,
                ManifestSha256 = result.ManifestSha256,
                Message = Join(notices.Append(partial)),
            };
            await runs.Store.UpdateAsync(run, owner, cancellationToken).ConfigureAwait(false);
            LogRendered(_logger, run.Id, run.Job, result.Lines, result.LinesPaid, result.Credits);
            services.GetService<Observability.SpeechGateMetrics>()?.RecordRenderRun(run.Job, "rendered", result.Lines, (long)result.Credits);
            return run;
        }
        catch (SpeechException error) when (!cancellationToken.IsCancellationRequested)
        {
            // A refused budget is final for this run: retrying would be refused again (and a partial render is opt-in).
            var refused = error.Status is "budget_exceeded" or "quota_exceeded";
            var current = await runs.Store.GetAsync(run.Id, CancellationToken.None).ConfigureAwait(false) ?? run;
            return await FinishAsync(current, owner, refused ? JobRunStatus.Refused : JobRunStatus.Failed, error.Status, error.Message).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return await FinishAsync(run, owner, JobRunStatus.Failed, "render_failed", error.Message).ConfigureAwait(false);
        }
    }

    private async Task<JobRun> DeliverAsync(JobRun run, string owner, CancellationToken cancellationToken)
    {
        var package = new DeliveryPackage(run.Id, run.Job, run.DeliverableName, run.OutputDirectory, run.ManifestSha256!)
        {
            FilesBaseUrl = PublicUrl is null ? null : new Uri(PublicUrl, $"v1/speechgate/renders/{Uri.EscapeDataString(run.Id)}/files/"),
        };
        var attempts = await runs.Store.GetDeliveryAttemptsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        var failures = new List<string>();
        foreach (var target in Targets(run))
        {
            if (attempts.Any(a => a.Target == target.Name && a.Delivered))
            {
                continue;
            }

            var attempt = attempts.Count(a => a.Target == target.Name);
            var pipeline = RetryPipeline();
            try
            {
                await pipeline.ExecuteAsync(async token =>
                {
                    attempt++;
                    string answer;
                    try
                    {
                        answer = await target.DeliverAsync(package, token).ConfigureAwait(false);
                    }
                    catch (DeliveryException error)
                    {
                        await runs.Store.AddDeliveryAttemptAsync(new(run.Id, target.Name, attempt, time.GetUtcNow(), package.IdempotencyKey, false, error.Message), CancellationToken.None).ConfigureAwait(false);
                        LogDeliveryFailed(_logger, run.Id, target.Name, attempt, error.Message);
                        services.GetService<Observability.SpeechGateMetrics>()?.RecordDelivery(run.Job, target.Name, "failed");
                        throw;
                    }

                    services.GetService<Observability.SpeechGateMetrics>()?.RecordDelivery(run.Job, target.Name, "delivered");

                    await runs.Store.AddDeliveryAttemptAsync(new(run.Id, target.Name, attempt, time.GetUtcNow(), package.IdempotencyKey, true, answer), CancellationToken.None).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (DeliveryException error)
            {
                failures.Add($"delivery to {target.Name} failed after {attempt} attempts: {error.Message}");
            }
        }

        return failures.Count == 0
            ? await FinishAsync(run, owner, JobRunStatus.Succeeded, null, run.Message).ConfigureAwait(false)
            : await FinishAsync(run, owner, JobRunStatus.Failed, "delivery_failed", Join(failures.Prepend(run.Message))).ConfigureAwait(false);
    }

    private IEnumerable<IDeliveryTarget> Targets(JobRun run)
    {
        var factories = services.GetServices<IDeliveryTargetFactory>().ToDictionary(factory => factory.Type, StringComparer.Ordinal);
        foreach (var options in runs.Catalog.Find(run.Job)?.Deliver ?? [])
        {
            yield return factories.TryGetValue(options.Type, out var factory) ? factory.Create(options)
                : throw new SpeechException(501, "delivery_unavailable", $"This build cannot deliver to '{options.Type}' targets.");
        }

        if (run.CallbackUrl is { } callback && factories.TryGetValue("webhook", out var webhooks))
        {
            yield return webhooks.Create(new DeliveryTargetOptions { Type = "webhook", Name = "callback", Url = callback, Secret = options.Value.CallbackSecret });
        }
    }

    private ResiliencePipeline RetryPipeline()
    {
        var settings = options.Value;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (settings.DeliveryAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DeliveryException>(),
                MaxRetryAttempts = settings.DeliveryAttempts - 1,
                Delay = settings.DeliveryRetryDelay,
                MaxDelay = settings.MaxDeliveryRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        return builder.Build();
    }

    private async Task<JobRun> FinishAsync(JobRun run, string owner, JobRunStatus status, string? errorStatus, string? message)
    {
        run = run with { Status = status, ErrorStatus = errorStatus, Message = message, FinishedAt = time.GetUtcNow() };
        await runs.Store.UpdateAsync(run, owner, CancellationToken.None).ConfigureAwait(false);
        LogFinished(_logger, run.Id, run.Job, status, message ?? "");
        return run;
    }

    private async Task RenewLeaseAsync(string id, string owner, CancellationTokenSource work)
    {
        var lease = options.Value.LeaseDuration;
        try
        {
            while (!work.IsCancellationRequested)
            {
                await Task.Delay(lease / 3, time, work.Token).ConfigureAwait(false);
                await runs.Store.RenewAsync(id, owner, time.GetUtcNow() + lease, work.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (JobLeaseLostException)
        {
            LogLeaseLost(_logger, id);
            await work.CancelAsync().ConfigureAwait(false);
        }
    }

    // Paid and cached counts of a resumed render add to what earlier attempts paid: lines they bought are hits now.
    private static JobRun Apply(JobRun started, int lines, int done, int paid, int cached, int failed, double credits) => started with
    {
        Lines = lines,
        LinesDone = done,
        LinesPaid = started.LinesPaid + paid,
        LinesCached = Math.Max(0, cached - started.LinesPaid),
        LinesFailed = failed,
        Credits = started.Credits + credits,
    };

    private static string? Join(IEnumerable<string?> parts)
    {
        var text = string.Join(" ", parts.Where(part => !string.IsNullOrEmpty(part)));
        return text.Length == 0 ? null : text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of job {Job} rendered: {Lines} lines, {Paid} paid, {Credits} credits.")]
    private static partial void LogRendered(ILogger logger, string runId, string job, int lines, int paid, double credits);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of job {Job} ended {Status}. {Message}")]
    private static partial void LogFinished(ILogger logger, string runId, string job, JobRunStatus status, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: delivery to {Target} failed (attempt {Attempt}): {Message}")]
    private static partial void LogDeliveryFailed(ILogger logger, string runId, string target, int attempt, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: another server took the run over; this one stops working on it.")]
    private static partial void LogLeaseLost(ILogger logger, string runId);

    /// <summary>Writes render progress to the store, newest value wins, one write at a time.</summary>
    private sealed class ProgressWriter(IJobRunStore store, JobRun started, string owner) : IProgress<RenderProgress>
    {
        private readonly Lock _writing = new();
        private RenderProgress? _latest;
        private Task _pending = Task.CompletedTask;

        public void Report(RenderProgress value)
        {
            lock (_writing)
            {
                if (_latest is null || value.Done >= _latest.Done)
                {
                    _latest = value;
                }

                _pending = _pending.ContinueWith(_ => WriteAsync(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        }

        public async Task DrainAsync()
        {
            Task pending;
            lock (_writing)
            {
                pending = _pending;
            }

            await pending.ConfigureAwait(false);
        }

        private async Task WriteAsync()
        {
            RenderProgress? value;
            lock (_writing)
            {
                value = _latest;
            }

            if (value is null)
            {
                return;
            }

            try
            {
                var run = Apply(started, value.Lines, value.Done, value.Paid, value.Cached, value.Failed, value.Credits);
                await store.UpdateAsync(run, owner, CancellationToken.None).ConfigureAwait(false);
            }
            catch (JobLeaseLostException)
            {
                // The lease renewal notices too and stops the run.
            }
        }
    }
}
