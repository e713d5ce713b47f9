using Microsoft.Data.Sqlite;

namespace SpeechGate.Caching;

/// <summary>The cache's SQLite file: creates the schema (WAL mode) and opens pooled connections.</summary>
internal sealed class SqliteCacheDatabase
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

    private readonly string _connectionString;

    public SqliteCacheDatabase(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();

        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
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
