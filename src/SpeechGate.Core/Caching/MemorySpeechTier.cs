using System.Collections.Concurrent;

namespace SpeechGate.Caching;

/// <summary>Recently used clips kept in memory, bounded by bytes and evicted least recently used first.</summary>
/// <remarks>
/// Holds the clip's own memory, so a hot hit reads no disk and copies nothing. A read takes no lock: it finds the entry in
/// a concurrent dictionary and stamps it with the time (to the millisecond); stores and evictions are serialised, and evict
/// the entries with the oldest stamps.
/// </remarks>
internal sealed class MemorySpeechTier(long maxBytes, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _write = new();
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public long MaxBytes => maxBytes;

    public CachedSpeech? Get(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        entry.MarkUsed(NowMs);
        return entry.Speech;
    }

    public void Set(string key, CachedSpeech speech)
    {
        lock (_write)
        {
            RemoveLocked(key);
            if (speech.Audio.Length > maxBytes)
            {
                return;
            }

            _entries[key] = new Entry(speech, NowMs);
            _bytes += speech.Audio.Length;
            if (_bytes > maxBytes)
            {
                EvictLocked();
            }
        }
    }

    public void Remove(string key)
    {
        lock (_write)
        {
            RemoveLocked(key);
        }
    }

    private long NowMs => time.GetTimestamp() / Math.Max(1, time.TimestampFrequency / 1000);

    private void EvictLocked()
    {
        foreach (var (key, _) in _entries.OrderBy(pair => pair.Value.LastUsed))
        {
            if (_bytes <= maxBytes)
            {
                return;
            }

            RemoveLocked(key);
        }
    }

    private void RemoveLocked(string key)
    {
        if (_entries.TryRemove(key, out var entry))
        {
            _bytes -= entry.Speech.Audio.Length;
        }
    }

    private sealed class Entry(CachedSpeech speech, long nowMs)
    {
        private long _lastUsed = nowMs;

        public CachedSpeech Speech { get; } = speech;

        public long LastUsed => Volatile.Read(ref _lastUsed);

        // Written only when the millisecond changed, so concurrent hits on one clip do not keep bouncing its cache line.
        public void MarkUsed(long nowMs)
        {
            if (Volatile.Read(ref _lastUsed) != nowMs)
            {
                Volatile.Write(ref _lastUsed, nowMs);
            }
        }
    }
}
