using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SpeechGate.Caching;

/// <summary>The cache's SQLite file: creates the schema (WAL mode) and opens pooled connections.</summary>
internal sealed partial class SqliteCacheDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS entries (
            key TEXT NOT NULL PRIMARY KEY,
            blob_hash TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            request_id TEXT,
            history_item_id TEXT,
            billed_characters INTEGER NOT NULL,
            alignment_json TEXT,
            created INTEGER NOT NULL,
            last_hit INTEGER NOT NULL,
            hit_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS entries_last_hit ON entries (last_hit, created);
        CREATE INDEX IF NOT EXISTS entries_blob_hash ON entries (blob_hash);
        CREATE TABLE IF NOT EXISTS counters (
            name TEXT NOT NULL PRIMARY KEY,
            value INTEGER NOT NULL
        );
        """;

    private const int Corrupt = 11; // SQLITE_CORRUPT
    private const int NotADatabase = 26; // SQLITE_NOTADB

    private static readonly string[] SidecarSuffixes = ["-wal", "-shm"];

    private readonly string _connectionString;

    public SqliteCacheDatabase(string path, ILogger? logger = null)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();

        try
        {
            Initialize();
        }
        catch (SqliteException error) when (error.SqliteErrorCode is Corrupt or NotADatabase)
        {
            // The index only maps keys to blobs: a damaged one is moved aside and the cache starts empty (the blobs
            // it referred to are unreferenced now, and `cache verify` removes them). Never a reason not to start.
            SqliteConnection.ClearAllPools();
            var aside = $"{path}.corrupt-{Guid.NewGuid():N}";
            File.Move(path, aside);
            foreach (var suffix in SidecarSuffixes.Where(suffix => File.Exists(path + suffix)))
            {
                File.Move(path + suffix, aside + suffix);
            }

            ReplacedCorruptIndex = aside;
            Initialize();
            if (logger is not null)
            {
                LogCorruptIndexReplaced(logger, path, aside, error.Message);
            }
        }
    }

    /// <summary>Where a damaged index was moved when this one was opened, if it was.</summary>
    public string? ReplacedCorruptIndex { get; }

    private void Initialize()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using (var schema = Command(connection, Schema))
        {
            schema.ExecuteNonQuery();
        }

        // Its own command: the schema's pragmas answer rows too ("wal"), and only quick_check's rows judge the file.
        using var check = Command(connection, "PRAGMA quick_check;");
        using var reader = check.ExecuteReader();
        while (reader.Read())
        {
            if (reader.GetValue(0) is string result && result != "ok")
            {
                throw new SqliteException($"The cache index is damaged: {result}", Corrupt);
            }
        }
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // Per connection: with WAL, NORMAL survives any process crash and skips an fsync per commit.
            using var command = Command(connection, "PRAGMA synchronous = NORMAL;");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The cache index {Path} was damaged ({Error}); moved to {Aside}, the cache starts empty")]
    private static partial void LogCorruptIndexReplaced(ILogger logger, string path, string aside, string error);

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
