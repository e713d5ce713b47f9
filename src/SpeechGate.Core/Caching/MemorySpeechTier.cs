namespace SpeechGate.Caching;

/// <summary>Recently used clips kept in memory, bounded by bytes and evicted least recently used first.</summary>
/// <remarks>Holds the clip's own memory, so a hot hit reads no disk and copies nothing.</remarks>
internal sealed class MemorySpeechTier(long maxBytes)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, CachedSpeech Speech)>> _nodes = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, CachedSpeech Speech)> _recency = new();
    private long _bytes;

    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    public CachedSpeech? Get(string key)
    {
        lock (_lock)
        {
            if (!_nodes.TryGetValue(key, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Speech;
        }
    }

    public void Set(string key, CachedSpeech speech)
    {
        lock (_lock)
        {
            RemoveLocked(key);
            if (speech.Audio.Length > maxBytes)
            {
                return;
            }

            _nodes[key] = _recency.AddFirst((key, speech));
            _bytes += speech.Audio.Length;
            while (_bytes > maxBytes && _recency.Last is { } oldest)
            {
                RemoveLocked(oldest.Value.Key);
            }
        }
    }

    public void Remove(string key)
    {
        lock (_lock)
        {
            RemoveLocked(key);
        }
    }

    private void RemoveLocked(string key)
    {
        if (_nodes.Remove(key, out var node))
        {
            _recency.Remove(node);
            _bytes -= node.Value.Speech.Audio.Length;
        }
    }
}
