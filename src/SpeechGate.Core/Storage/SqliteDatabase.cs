using Microsoft.Data.Sqlite;

namespace SpeechGate.Storage;

/// <summary>Opens connections to one SQLite file in WAL mode, creating its directory and schema on first use.</summary>
/// <remarks>Thread-safe. Each operation opens its own pooled connection; writers serialise with <c>BEGIN IMMEDIATE</c>.</remarks>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _schema;
    private readonly Lock _initialize = new();
    private volatile bool _initialized;

    /// <summary>Creates a database over <paramref name="path"/> whose tables <paramref name="schema"/> creates idempotently.</summary>
    public SqliteDatabase(string path, string schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _schema = schema;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
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
        pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";
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
                command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000;" + _schema;
                command.ExecuteNonQuery();
                _initialized = true;
            }
            catch (SqliteException error)
            {
                throw new IOException($"Cannot open the database '{Path}': {error.Message}", error);
            }
        }
    }
}
