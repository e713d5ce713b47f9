using System.Collections.Concurrent;
using SpeechGate.Synthesis;
using static SpeechGate.Caching.SqliteCacheDatabase;

namespace SpeechGate.Caching;

/// <summary>Hits and counters gathered in memory and written to the index in batches, so a hot hit writes nothing to disk.</summary>
/// <remarks>A crash loses at most one batch of statistics, never audio.</remarks>
internal sealed class SpeechCacheActivity(SqliteCacheDatabase database) : IDisposable
{
    private static readonly string[] CounterNames = ["hits", "misses", "coalesced", "bypassed", "credits_saved"];

    private readonly ConcurrentDictionary<string, PendingTouch> _touches = new(StringComparer.Ordinal);
    private readonly long[] _counters = new long[CounterNames.Length];
    private readonly SemaphoreSlim _flushGate = new(1, 1);

    public void Touch(string key, long nowMs)
        => _touches.AddOrUpdate(key, static (_, now) => new PendingTouch(now, 1), static (_, touch, now) => new PendingTouch(Math.Max(touch.LastHitMs, now), touch.Count + 1), nowMs);

    public void Count(SpeechCacheStatus status, int creditsSaved)
    {
        var index = status switch
        {
            SpeechCacheStatus.Hit => 0,
            SpeechCacheStatus.Miss => 1,
            SpeechCacheStatus.Coalesced => 2,
            SpeechCacheStatus.Bypass => 3,
            _ => -1,
        };
        if (index >= 0)
        {
            Interlocked.Increment(ref _counters[index]);
        }

        Interlocked.Add(ref _counters[4], creditsSaved);
    }

    /// <summary>Writes everything gathered so far in one transaction; not cancellable, so nothing drained is dropped.</summary>
    public async Task FlushAsync()
    {
        await _flushGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var touches = Drain();
            var counters = _counters.Select((_, i) => Interlocked.Exchange(ref _counters[i], 0)).ToArray();
            if (touches.Count == 0 && counters.All(c => c == 0))
            {
                return;
            }

            await using var connection = await database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction();
            foreach (var (key, touch) in touches)
            {
                await using var update = Command(connection,
                    "UPDATE entries SET last_hit = MAX(last_hit, $now), hit_count = hit_count + $count WHERE key = $key",
                    ("$key", key), ("$now", touch.LastHitMs), ("$count", touch.Count));
                await update.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }

            for (var i = 0; i < counters.Length; i++)
            {
                await using var add = Command(connection,
                    "INSERT INTO counters (name, value) VALUES ($name, $delta) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value",
                    ("$name", CounterNames[i]), ("$delta", counters[i]));
                await add.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _flushGate.Release();
        }
    }

    /// <summary>The stored counters: hits, misses, coalesced, bypassed, credits saved.</summary>
    public async Task<long[]> ReadCountersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT name, value FROM counters");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var values = new long[CounterNames.Length];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var index = Array.IndexOf(CounterNames, reader.GetString(0));
            if (index >= 0)
            {
                values[index] = reader.GetInt64(1);
            }
        }

        return values;
    }

    /// <remarks>
    /// Leaves the gate undisposed: the flush timer's last callback may still be running (or just starting) when the cache
    /// is disposed, and a disposed gate would throw <see cref="ObjectDisposedException"/> into it on every graceful
    /// shutdown. A <see cref="SemaphoreSlim"/> whose wait handle is never asked for holds no OS resource.
    /// </remarks>
    public void Dispose()
    {
    }

    private List<KeyValuePair<string, PendingTouch>> Drain()
    {
        var drained = new List<KeyValuePair<string, PendingTouch>>(_touches.Count);
        foreach (var key in _touches.Keys)
        {
            if (_touches.TryRemove(key, out var touch))
            {
                drained.Add(new(key, touch));
            }
        }

        return drained;
    }

    private readonly record struct PendingTouch(long LastHitMs, long Count);
}
