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

    private readonly ConcurrentDictionary<string, (GatewayKeyInfo Key, long ExpiresAt)> _entries = new(StringComparer.Ordinal);

    public GatewayKeyInfo? Find(byte[] hash)
        => _entries.TryGetValue(Convert.ToHexString(hash), out var entry) && time.GetTimestamp() < entry.ExpiresAt ? entry.Key : null;

    public void Add(byte[] hash, GatewayKeyInfo key)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var expires = time.GetTimestamp() + (long)(Lifetime.TotalSeconds * time.TimestampFrequency);
        _entries[Convert.ToHexString(hash)] = (key, expires);
    }

    public void Clear() => _entries.Clear();
}
