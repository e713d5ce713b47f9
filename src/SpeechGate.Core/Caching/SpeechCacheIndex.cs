using Microsoft.Data.Sqlite;
using static SpeechGate.Caching.SqliteCacheDatabase;

namespace SpeechGate.Caching;

/// <summary>The <c>entries</c> table: which blob holds each key's audio, and when it was last hit.</summary>
internal sealed class SpeechCacheIndex(SqliteCacheDatabase database)
{
    private const string Columns =
        "key, blob_hash, media_type, size, request_id, history_item_id, billed_characters, alignment_json, created, last_hit, hit_count";

    public async Task<IndexedSpeech?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"SELECT {Columns} FROM entries WHERE key = $key", ("$key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Every entry, least recently hit first.</summary>
    public async Task<List<IndexedSpeech>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"SELECT {Columns} FROM entries ORDER BY last_hit, created");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<IndexedSpeech>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    /// <summary>Inserts or replaces the entry; returns the blob the key used before, if it was another one.</summary>
    public async Task<string?> UpsertAsync(IndexedSpeech entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        await using var find = Command(connection, "SELECT blob_hash FROM entries WHERE key = $key", ("$key", entry.Key));
        var previous = (string?)await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        await using var upsert = Command(connection, $"INSERT OR REPLACE INTO entries ({Columns}) VALUES "
            + "($key, $hash, $type, $size, $request, $history, $billed, $alignment, $created, $lastHit, $hits)",
            ("$key", entry.Key), ("$hash", entry.BlobHash), ("$type", entry.MediaType), ("$size", entry.Size),
            ("$request", entry.RequestId), ("$history", entry.HistoryItemId), ("$billed", entry.BilledCharacters),
            ("$alignment", entry.AlignmentJson), ("$created", entry.CreatedMs), ("$lastHit", entry.LastHitMs), ("$hits", entry.HitCount));
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return previous == entry.BlobHash ? null : previous;
    }

    /// <summary>Deletes the keys in one transaction; returns the blobs that no entry uses any more.</summary>
    public async Task<List<string>> DeleteAsync(IEnumerable<IndexedSpeech> entries, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        var unused = new List<string>();
        foreach (var entry in entries)
        {
            await using var delete = Command(connection, "DELETE FROM entries WHERE key = $key", ("$key", entry.Key));
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (!unused.Contains(entry.BlobHash) && !await IsReferencedAsync(connection, entry.BlobHash, cancellationToken).ConfigureAwait(false))
            {
                unused.Add(entry.BlobHash);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return unused;
    }

    /// <summary>Deletes every entry stored in <paramref name="blobHash"/>; returns their keys.</summary>
    public async Task<List<string>> DeleteBlobAsync(string blobHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "DELETE FROM entries WHERE blob_hash = $hash RETURNING key", ("$hash", blobHash));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public async Task<bool> IsReferencedAsync(string blobHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await IsReferencedAsync(connection, blobHash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Entries, and bytes with each blob counted once.</summary>
    public async Task<(long Entries, long Bytes)> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "SELECT (SELECT COUNT(*) FROM entries), (SELECT COALESCE(SUM(size), 0) FROM (SELECT MAX(size) AS size FROM entries GROUP BY blob_hash))");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<bool> IsReferencedAsync(SqliteConnection connection, string blobHash, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT EXISTS (SELECT 1 FROM entries WHERE blob_hash = $hash)", ("$hash", blobHash));
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! != 0;
    }

    private static IndexedSpeech Read(SqliteDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3))
    {
        RequestId = reader.IsDBNull(4) ? null : reader.GetString(4),
        HistoryItemId = reader.IsDBNull(5) ? null : reader.GetString(5),
        BilledCharacters = reader.GetInt32(6),
        AlignmentJson = reader.IsDBNull(7) ? null : reader.GetString(7),
        CreatedMs = reader.GetInt64(8),
        LastHitMs = reader.GetInt64(9),
        HitCount = reader.GetInt64(10),
    };
}
