using Dapper;
using SpeechGate.Storage;

namespace SpeechGate.Jobs;

/// <summary>Job runs in SQLite (<c>jobs.db</c> in the data directory); claims and owner-guarded writes are single statements.</summary>
public sealed class SqliteJobRunStore(SqliteDatabase database) : IJobRunStore
{
    /// <summary>The database file name inside the data directory.</summary>
    public const string FileName = "jobs.db";

    /// <summary>Tables this store needs; safe to run repeatedly. Times are unix milliseconds.</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS job_runs (
            id TEXT PRIMARY KEY, job TEXT NOT NULL, occurrence TEXT NOT NULL, status TEXT NOT NULL,
            created_at INTEGER NOT NULL, started_at INTEGER NULL, finished_at INTEGER NULL, attempts INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT NULL, lease_expires_at INTEGER NULL,
            script_path TEXT NOT NULL, deliverable_name TEXT NOT NULL, output_directory TEXT NOT NULL,
            project TEXT NULL, account_id TEXT NULL, callback_url TEXT NULL,
            lines INTEGER NOT NULL DEFAULT 0, lines_done INTEGER NOT NULL DEFAULT 0, lines_paid INTEGER NOT NULL DEFAULT 0,
            lines_cached INTEGER NOT NULL DEFAULT 0, lines_failed INTEGER NOT NULL DEFAULT 0, credits REAL NOT NULL DEFAULT 0,
            manifest_sha256 TEXT NULL, error_status TEXT NULL, message TEXT NULL,
            UNIQUE (job, occurrence));
        CREATE INDEX IF NOT EXISTS job_runs_open ON job_runs (status, created_at);
        CREATE INDEX IF NOT EXISTS job_runs_job ON job_runs (job, created_at);
        CREATE TABLE IF NOT EXISTS job_delivery_attempts (
            run_id TEXT NOT NULL, target TEXT NOT NULL, attempt INTEGER NOT NULL, at INTEGER NOT NULL,
            idempotency_key TEXT NOT NULL, delivered INTEGER NOT NULL, message TEXT NULL,
            PRIMARY KEY (run_id, target, attempt));
        CREATE TABLE IF NOT EXISTS job_schedules (job TEXT PRIMARY KEY, scheduled_until INTEGER NOT NULL);
        """;

    private const string Columns = """
        id AS Id, job AS Job, occurrence AS Occurrence, status AS Status, created_at AS CreatedAt, started_at AS StartedAt,
        finished_at AS FinishedAt, attempts AS Attempts, lease_owner AS LeaseOwner, lease_expires_at AS LeaseExpiresAt,
        script_path AS ScriptPath, deliverable_name AS DeliverableName, output_directory AS OutputDirectory, project AS Project,
        account_id AS AccountId, callback_url AS CallbackUrl, lines AS Lines, lines_done AS LinesDone, lines_paid AS LinesPaid,
        lines_cached AS LinesCached, lines_failed AS LinesFailed, credits AS Credits, manifest_sha256 AS ManifestSha256,
        error_status AS ErrorStatus, message AS Message
        """;

    // A run is open while unfinished; a live lease keeps other servers off it.
    private const string Claimable = "status IN ('pending', 'rendering', 'delivering') AND (lease_owner IS NULL OR lease_expires_at < @now)";

    /// <summary>Opens (creating on first use) <c>jobs.db</c> in <paramref name="dataDirectory"/>.</summary>
    public static SqliteJobRunStore Open(string dataDirectory)
        => new(new SqliteDatabase(Path.Combine(dataDirectory, FileName), Schema));

    /// <inheritdoc/>
    public async Task<JobRun?> CreateAsync(JobRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await connection.ExecuteAsync("""
            INSERT OR IGNORE INTO job_runs (id, job, occurrence, status, created_at, script_path, deliverable_name, output_directory, project, account_id, callback_url)
            VALUES (@Id, @Job, @Occurrence, @Status, @CreatedAt, @ScriptPath, @DeliverableName, @OutputDirectory, @Project, @AccountId, @CallbackUrl)
            """,
            new
            {
                run.Id,
                run.Job,
                run.Occurrence,
                Status = Text(run.Status),
                CreatedAt = Millis(run.CreatedAt),
                run.ScriptPath,
                run.DeliverableName,
                run.OutputDirectory,
                run.Project,
                run.AccountId,
                run.CallbackUrl,
            }).ConfigureAwait(false);
        return inserted == 1 ? run : null;
    }

    /// <inheritdoc/>
    public async Task<JobRun?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM job_runs WHERE id = @id", new { id }).ConfigureAwait(false);
        return row?.ToRun();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<JobRun>> ListAsync(string? job, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM job_runs WHERE @job IS NULL OR job = @job ORDER BY created_at DESC, rowid DESC LIMIT @limit", new { job, limit }).ConfigureAwait(false);
        return [.. rows.Select(row => row.ToRun())];
    }

    /// <inheritdoc/>
    public async Task<JobRun?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"""
            UPDATE job_runs SET lease_owner = @owner, lease_expires_at = @expires, attempts = attempts + 1
            WHERE id = (SELECT id FROM job_runs WHERE {Claimable} ORDER BY created_at, rowid LIMIT 1) AND {Claimable}
            RETURNING {Columns}
            """, new { owner, now = Millis(now), expires = Millis(now + lease) }).ConfigureAwait(false);
        return row?.ToRun();
    }

    /// <inheritdoc/>
    public async Task<JobRun?> ClaimAsync(string id, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"""
            UPDATE job_runs SET lease_owner = @owner, lease_expires_at = @expires, attempts = attempts + 1
            WHERE id = @id AND {Claimable}
            RETURNING {Columns}
            """, new { id, owner, now = Millis(now), expires = Millis(now + lease) }).ConfigureAwait(false);
        return row?.ToRun();
    }

    /// <inheritdoc/>
    public async Task RenewAsync(string id, string owner, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var renewed = await connection.ExecuteAsync(
            "UPDATE job_runs SET lease_expires_at = @expires WHERE id = @id AND lease_owner = @owner",
            new { id, owner, expires = Millis(expiresAt) }).ConfigureAwait(false);
        if (renewed == 0)
        {
            throw new JobLeaseLostException($"Run {id} is no longer held by {owner}.");
        }
    }

    /// <inheritdoc/>
    public async Task UpdateAsync(JobRun run, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var updated = await connection.ExecuteAsync("""
            UPDATE job_runs SET status = @Status, started_at = @StartedAt, finished_at = @FinishedAt,
                lines = @Lines, lines_done = @LinesDone, lines_paid = @LinesPaid, lines_cached = @LinesCached, lines_failed = @LinesFailed,
                credits = @Credits, manifest_sha256 = @ManifestSha256, error_status = @ErrorStatus, message = @Message,
                lease_owner = CASE WHEN @Finished THEN NULL ELSE lease_owner END,
                lease_expires_at = CASE WHEN @Finished THEN NULL ELSE lease_expires_at END
            WHERE id = @Id AND lease_owner = @owner
            """,
            new
            {
                run.Id,
                owner,
                Status = Text(run.Status),
                StartedAt = Millis(run.StartedAt),
                FinishedAt = Millis(run.FinishedAt),
                run.Lines,
                run.LinesDone,
                run.LinesPaid,
                run.LinesCached,
                run.LinesFailed,
                run.Credits,
                run.ManifestSha256,
                run.ErrorStatus,
                run.Message,
                Finished = run.IsFinished,
            }).ConfigureAwait(false);
        if (updated == 0)
        {
            throw new JobLeaseLostException($"Run {run.Id} is no longer held by {owner}.");
        }
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(string id, string owner, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "UPDATE job_runs SET lease_owner = NULL, lease_expires_at = NULL WHERE id = @id AND lease_owner = @owner", new { id, owner }).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task AddDeliveryAttemptAsync(DeliveryAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("""
            INSERT OR REPLACE INTO job_delivery_attempts (run_id, target, attempt, at, idempotency_key, delivered, message)
            VALUES (@RunId, @Target, @Attempt, @At, @IdempotencyKey, @Delivered, @Message)
            """,
            new { attempt.RunId, attempt.Target, attempt.Attempt, At = Millis(attempt.At), attempt.IdempotencyKey, Delivered = attempt.Delivered ? 1 : 0, attempt.Message })
            .ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DeliveryAttempt>> GetDeliveryAttemptsAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string RunId, string Target, long Attempt, long At, string Key, long Delivered, string? Message)>(
            "SELECT run_id, target, attempt, at, idempotency_key, delivered, message FROM job_delivery_attempts WHERE run_id = @runId ORDER BY at, rowid",
            new { runId }).ConfigureAwait(false);
        return [.. rows.Select(r => new DeliveryAttempt(r.RunId, r.Target, (int)r.Attempt, FromMillis(r.At), r.Key, r.Delivered != 0, r.Message))];
    }

    /// <inheritdoc/>
    public async Task<DateTimeOffset?> GetScheduledUntilAsync(string job, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var until = await connection.QuerySingleOrDefaultAsync<long?>("SELECT scheduled_until FROM job_schedules WHERE job = @job", new { job }).ConfigureAwait(false);
        return until is { } value ? FromMillis(value) : null;
    }

    /// <inheritdoc/>
    public async Task SetScheduledUntilAsync(string job, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "INSERT INTO job_schedules (job, scheduled_until) VALUES (@job, @until) ON CONFLICT (job) DO UPDATE SET scheduled_until = MAX(scheduled_until, excluded.scheduled_until)",
            new { job, until = Millis(until) }).ConfigureAwait(false);
    }

    private static string Text(JobRunStatus status) => status.ToString().ToLowerInvariant();

    private static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static long? Millis(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromMillis(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);

    private sealed record Row
    {
        public string Id { get; init; } = "";
        public string Job { get; init; } = "";
        public string Occurrence { get; init; } = "";
        public string Status { get; init; } = "";
        public long CreatedAt { get; init; }
        public long? StartedAt { get; init; }
        public long? FinishedAt { get; init; }
        public long Attempts { get; init; }
        public string? LeaseOwner { get; init; }
        public long? LeaseExpiresAt { get; init; }
        public string ScriptPath { get; init; } = "";
        public string DeliverableName { get; init; } = "";
        public string OutputDirectory { get; init; } = "";
        public string? Project { get; init; }
        public string? AccountId { get; init; }
        public string? CallbackUrl { get; init; }
        public long Lines { get; init; }
        public long LinesDone { get; init; }
        public long LinesPaid { get; init; }
        public long LinesCached { get; init; }
        public long LinesFailed { get; init; }
        public double Credits { get; init; }
        public string? ManifestSha256 { get; init; }
        public string? ErrorStatus { get; init; }
        public string? Message { get; init; }

        public JobRun ToRun() => new()
        {
            Id = Id,
            Job = Job,
            Occurrence = Occurrence,
            Status = Enum.Parse<JobRunStatus>(Status, ignoreCase: true),
            CreatedAt = FromMillis(CreatedAt),
            StartedAt = StartedAt is { } started ? FromMillis(started) : null,
            FinishedAt = FinishedAt is { } finished ? FromMillis(finished) : null,
            Attempts = (int)Attempts,
            LeaseOwner = LeaseOwner,
            LeaseExpiresAt = LeaseExpiresAt is { } expires ? FromMillis(expires) : null,
            ScriptPath = ScriptPath,
            DeliverableName = DeliverableName,
            OutputDirectory = OutputDirectory,
            Project = Project,
            AccountId = AccountId,
            CallbackUrl = CallbackUrl,
            Lines = (int)Lines,
            LinesDone = (int)LinesDone,
            LinesPaid = (int)LinesPaid,
            LinesCached = (int)LinesCached,
            LinesFailed = (int)LinesFailed,
            Credits = Credits,
            ManifestSha256 = ManifestSha256,
            ErrorStatus = ErrorStatus,
            Message = Message,
        };
    }
}
