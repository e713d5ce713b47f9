using Npgsql;

namespace SpeechGate.Storage.Postgres;

/// <summary>One PostgreSQL database shared by every replica: pooled connections, and the schema migrated once.</summary>
/// <remarks>
/// Migrations are versioned (<see cref="PostgresSchema.Migrations"/>, never edited once released) and applied on first use
/// under a session advisory lock, so of several replicas starting together one migrates and the others wait and then
/// see the new version. A database written by a newer SpeechGate is refused rather than misread. Thread-safe.
/// </remarks>
public sealed class PostgresDatabase : IAsyncDisposable
{
    // Any fixed 64-bit number: the lock that serialises migrations across every process using the database.
    private const long MigrationLock = 0x5350_4547_4154_4531; // "SPEGATE1"

    private readonly SemaphoreSlim _migrate = new(1, 1);
    private readonly IReadOnlyList<string> _migrations;
    private volatile bool _ready;

    /// <summary>Opens a pool over <paramref name="connectionString"/> (an Npgsql connection string).</summary>
    public PostgresDatabase(string connectionString)
        : this(connectionString, PostgresSchema.Migrations)
    {
    }

    internal PostgresDatabase(string connectionString, IReadOnlyList<string> migrations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"Storage:ConnectionString is not a valid PostgreSQL connection string: {error.Message}", nameof(connectionString), error);
        }

        ConnectionString = parsed.ConnectionString;
        DataSource = NpgsqlDataSource.Create(parsed);
        _migrations = migrations;
    }

    /// <summary>The pool.</summary>
    internal NpgsqlDataSource DataSource { get; }

    /// <summary>The connection string (for the notification listener, which holds a connection of its own).</summary>
    internal string ConnectionString { get; }

    /// <summary>The schema version this build knows.</summary>
    public int SchemaVersion => _migrations.Count;

    /// <summary>Opens a pooled connection, migrating the schema the first time.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!_ready)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the migrations this database lacks (once per process; a no-op when up to date).</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer SpeechGate.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _migrate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLock})", cancellationToken).ConfigureAwait(false);
            try
            {
                await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS speechgate_migrations (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())", cancellationToken).ConfigureAwait(false);
                await using var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM speechgate_migrations", connection);
                var version = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                if (version > _migrations.Count)
                {
                    throw new InvalidOperationException(
                        $"The PostgreSQL database was written by a newer SpeechGate (schema version {version}, this one knows {_migrations.Count}).");
                }

                for (var i = version; i < _migrations.Count; i++)
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await using var migrate = new NpgsqlCommand(_migrations[i], connection, transaction);
                    await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    await using var record = new NpgsqlCommand("INSERT INTO speechgate_migrations (version) VALUES (@version)", connection, transaction);
                    record.Parameters.AddWithValue("version", i + 1);
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None).ConfigureAwait(false);
            }

            _ready = true;
        }
        finally
        {
            _migrate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        _migrate.Dispose();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
