namespace SpeechGate.Jobs;

/// <summary>Durable job runs: one row per occurrence, leased to one server at a time, with progress and delivery attempts.</summary>
/// <remarks>
/// Every write that changes a started run names the lease owner and fails (<see cref="JobLeaseLostException"/>) when
/// another server has taken the run over, so two servers never work on the same run.
/// </remarks>
public interface IJobRunStore
{
    /// <summary>Creates <paramref name="run"/> unless its job already has a run for the same occurrence; null then.</summary>
    Task<JobRun?> CreateAsync(JobRun run, CancellationToken cancellationToken = default);

    /// <summary>One run, or null.</summary>
    Task<JobRun?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Runs, newest first; only <paramref name="job"/>'s when given.</summary>
    Task<IReadOnlyList<JobRun>> ListAsync(string? job, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases the oldest unfinished run that no live server holds (pending, or started by a server whose lease lapsed)
    /// to <paramref name="owner"/> until <paramref name="now"/> + <paramref name="lease"/>; null when there is none.
    /// </summary>
    Task<JobRun?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Leases one run (as <see cref="ClaimNextAsync"/> would); null when it is finished or a live server holds it.</summary>
    Task<JobRun?> ClaimAsync(string id, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease of a run <paramref name="owner"/> holds.</summary>
    /// <exception cref="JobLeaseLostException">Another server holds it now.</exception>
    Task RenewAsync(string id, string owner, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Writes the run's status, progress and results; a finished run also gives its lease up.</summary>
    /// <exception cref="JobLeaseLostException">Another server holds it now.</exception>
    Task UpdateAsync(JobRun run, string owner, CancellationToken cancellationToken = default);

    /// <summary>Gives up the lease of an unfinished run (a server shutting down) so another server may resume it at once.</summary>
    Task ReleaseAsync(string id, string owner, CancellationToken cancellationToken = default);

    /// <summary>Records one delivery attempt.</summary>
    Task AddDeliveryAttemptAsync(DeliveryAttempt attempt, CancellationToken cancellationToken = default);

    /// <summary>A run's delivery attempts, oldest first.</summary>
    Task<IReadOnlyList<DeliveryAttempt>> GetDeliveryAttemptsAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>The instant up to which a job's cron occurrences have been considered (null: never).</summary>
    Task<DateTimeOffset?> GetScheduledUntilAsync(string job, CancellationToken cancellationToken = default);

    /// <summary>Records that occurrences of <paramref name="job"/> up to <paramref name="until"/> have been considered.</summary>
    Task SetScheduledUntilAsync(string job, DateTimeOffset until, CancellationToken cancellationToken = default);
}

/// <summary>Another server took the run over (this one's lease lapsed); stop working on it.</summary>
public sealed class JobLeaseLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JobLeaseLostException()
        : base("The run's lease was lost to another server.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JobLeaseLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public JobLeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
