using Microsoft.Data.Sqlite;

namespace SpeechGate.Storage;

/// <summary>Opens connections to one SQLite file in WAL mode, creating its directory and schema on first use.</summary>
/// <remarks>
/// Thread-safe. Each operation opens its own pooled connection; writers serialise with <c>BEGIN IMMEDIATE</c>. A file
/// another process holds locked is waited for at most <see cref="BusyTimeout"/>, then the operation fails (SQLITE_BUSY):
/// well under the SDKs' 240 s timeout, and before any upstream call when it is a reservation.
/// </remarks>
public sealed class SqliteDatabase
{
    /// <summary>How long a locked file is waited for.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(5);

    private readonly string _connectionString;
    private readonly string _schema;
    private readonly IReadOnlyList<string> _migrations;
    private readonly Lock _initialize = new();
    private volatile bool _initialized;

    /// <summary>Creates a database over <paramref name="path"/> whose tables <paramref name="schema"/> creates idempotently.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="schema">Creates the tables as first released (<c>CREATE … IF NOT EXISTS</c>).</param>
    /// <param name="migrations">
    /// Later changes, in order, never edited once released: each runs once per file, tracked in <c>PRAGMA user_version</c>.
    /// </param>
    public SqliteDatabase(string path, string schema, IReadOnlyList<string>? migrations = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _schema = schema;
        _migrations = migrations ?? [];
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens a connection, creating the file and schema the first time.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!_initialized)
        {
            Initialize();
        }

        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private void Initialize()
    {
        lock (_initialize)
        {
            if (_initialized)
            {
                return;
            }

            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                using var connection = new SqliteConnection(_connectionString);
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};" + _schema;
                command.ExecuteNonQuery();
                Migrate(connection);
                _initialized = true;
            }
            catch (SqliteException error)
            {
                throw new IOException($"Cannot open the database '{Path}': {error.Message}", error);
            }
        }
    }

    // Read first, so an up-to-date file costs no write lock; otherwise BEGIN IMMEDIATE and read again: of two processes
    // opening an old file at once, one migrates and the other then sees the new version.
    private void Migrate(SqliteConnection connection)
    {
        if (ReadVersion(connection, transaction: null) == _migrations.Count)
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        var version = ReadVersion(connection, transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var i = version; i < _migrations.Count; i++)
        {
            command.CommandText = _migrations[i];
            command.ExecuteNonQuery();
        }

        command.CommandText = $"PRAGMA user_version = {_migrations.Count}";
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    private int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return version <= _migrations.Count ? version
            : throw new IOException($"The database '{Path}' was written by a newer SpeechGate (schema version {version}, this one knows {_migrations.Count}).");
    }
}
