using System.Collections.Concurrent;

namespace SpeechGate.Server.Authentication;

/// <summary>
/// Remembers recently validated keys (by hash) for a few seconds so a request does not query SQLite; a revocation in this
/// process clears it at once, one made by another process (the CLI) takes effect within <see cref="Lifetime"/>.
/// </summary>
internal sealed class ValidatedKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, ValidatedKey> _entries = new(StringComparer.Ordinal);

    // Bumped by Clear, so a validation remembered elsewhere (on a connection) ends with the entries.
    private long _epoch;

    public ValidatedKey? Find(byte[] hash)
        => _entries.TryGetValue(Convert.ToHexString(hash), out var entry) && IsCurrent(entry) ? entry : null;

    /// <summary>Whether <paramref name="validated"/> is still good: not expired, and no revocation since.</summary>
    public bool IsCurrent(ValidatedKey validated) => validated.Epoch == Interlocked.Read(ref _epoch) && time.GetTimestamp() < validated.ExpiresAt;

    public void Add(byte[] hash, GatewayKeyInfo key)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var expires = time.GetTimestamp() + (long)(Lifetime.TotalSeconds * time.TimestampFrequency);
        _entries[Convert.ToHexString(hash)] = new ValidatedKey(key, Interlocked.Read(ref _epoch), expires);
    }

    public void Clear()
    {
        Interlocked.Increment(ref _epoch);
        _entries.Clear();
    }
}
