using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace SpeechGate.Server.Authentication;

/// <summary>Gateway keys, stored hashed in SQLite (<c>gateway.db</c> in the data directory).</summary>
/// <remarks>Safe for concurrent use; every call opens a pooled connection, so the CLI and a running server share the file.</remarks>
public sealed class GatewayKeyStore
{
    /// <summary>The database file name inside the data directory.</summary>
    public const string FileName = "gateway.db";

    private const string ActiveKeysQuery = "SELECT EXISTS (SELECT 1 FROM gateway_keys WHERE revoked_at IS NULL)";

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ValidatedKeyCache _validated;
    private int _schemaReady;

    /// <summary>Opens (and creates on first use) the key store in <paramref name="dataDirectory"/>.</summary>
    public GatewayKeyStore(string dataDirectory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        DatabasePath = Path.Combine(dataDirectory, FileName);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = true }.ToString();
        _time = timeProvider ?? TimeProvider.System;
        _validated = new ValidatedKeyCache(_time);
    }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>Creates a key and returns its plain text, the only time it is available.</summary>
    public async Task<CreatedGatewayKey> CreateAsync(string name, bool isAdmin = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var (id, secret) = GatewayKeyFormat.NewKey();
        var info = new GatewayKeyInfo(id, name, isAdmin, _time.GetUtcNow(), null);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO gateway_keys (id, name, hash, is_admin, created_at) VALUES ($id, $name, $hash, $admin, $created)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$hash", GatewayKeyFormat.Hash(secret));
        command.Parameters.AddWithValue("$admin", isAdmin ? 1 : 0);
        command.Parameters.AddWithValue("$created", info.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new CreatedGatewayKey(info, secret);
    }

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    public async Task<IReadOnlyList<GatewayKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, is_admin, created_at, revoked_at FROM gateway_keys ORDER BY created_at, id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<GatewayKeyInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(ReadInfo(reader));
        }

        return keys;
    }

    /// <summary>Revokes the key with this id or name; false when no active key matched.</summary>
    public async Task<bool> RevokeAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrName);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE gateway_keys SET revoked_at = $now WHERE (id = $key OR name = $key) AND revoked_at IS NULL";
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$key", idOrName);
        var revoked = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        _validated.Clear();
        return revoked;
    }

    /// <summary>Whether at least one key is active (then every request must carry one).</summary>
    public bool HasActiveKeys()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = ActiveKeysQuery;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>Whether at least one key is active.</summary>
    public async Task<bool> HasActiveKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ActiveKeysQuery;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>
    /// The key when <see cref="ValidateAsync"/> accepted <paramref name="presentedKey"/> within the last few seconds
    /// (no database query); null means "ask <see cref="ValidateAsync"/>", not "invalid".
    /// </summary>
    internal ValidatedKey? FindRecentlyValidated(string presentedKey)
        => GatewayKeyFormat.TryGetId(presentedKey, out _) ? _validated.Find(GatewayKeyFormat.Hash(presentedKey)) : null;

    /// <summary>Whether an acceptance from <see cref="FindRecentlyValidated"/> may still be reused (not expired, nothing revoked since).</summary>
    internal bool IsCurrent(ValidatedKey validated) => _validated.IsCurrent(validated);

    /// <summary>The active key matching <paramref name="presentedKey"/>, compared in constant time; null otherwise.</summary>
    public async Task<GatewayKeyInfo?> ValidateAsync(string presentedKey, CancellationToken cancellationToken = default)
    {
        if (!GatewayKeyFormat.TryGetId(presentedKey, out var id))
        {
            return null;
        }

        var presentedHash = GatewayKeyFormat.Hash(presentedKey);
        if (_validated.Find(presentedHash) is { } cached)
        {
            return cached.Key;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, is_admin, created_at, revoked_at, hash FROM gateway_keys WHERE id = $id AND revoked_at IS NULL";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var stored = (byte[])reader.GetValue(5);
        if (!CryptographicOperations.FixedTimeEquals(stored, presentedHash))
        {
            return null;
        }

        var key = ReadInfo(reader);
        _validated.Add(presentedHash, key);
        return key;
    }

    private static GatewayKeyInfo ReadInfo(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2) != 0,
        DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
        reader.IsDBNull(4) ? null : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture));

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        EnsureSchema(connection);
        return connection;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        EnsureSchema(connection);
        return connection;
    }

    private void EnsureSchema(SqliteConnection connection)
    {
        if (Volatile.Read(ref _schemaReady) == 1)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS gateway_keys (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, hash BLOB NOT NULL,
                is_admin INTEGER NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT NULL);
            """;
        command.ExecuteNonQuery();
        Volatile.Write(ref _schemaReady, 1);
    }
}
