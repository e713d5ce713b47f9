using System.Collections.Concurrent;
using SpeechGate.Caching;
using SpeechGate.Metering;
using SpeechGate.Synthesis;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.HotHits;

/// <summary>Requests the full path answered from the cache, by their exact bytes (<see cref="HotHitRequest.Encode"/>).</summary>
/// <remarks>
/// An entry is used only while the voice configuration it resolved against is current and for at most
/// <see cref="Lifetime"/>, after which one request takes the full path again and refreshes it (so a changed model
/// rate or alias shows up within that time). Bounded: it empties itself at <see cref="MaxEntries"/>. Thread-safe.
/// </remarks>
internal sealed class HotHitIndex
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public const int MaxEntries = 10_000;

    private static readonly IAsyncEnumerable<AudioChunk> NoAudio = AsyncEnumerable.Empty<AudioChunk>();

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<byte[], HotHit> _entries = new(ByteArrayComparer.Instance);
    private readonly ConcurrentDictionary<byte[], HotHit>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private long _served;

    public HotHitIndex(TimeProvider time)
    {
        _time = time;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>Requests remembered.</summary>
    public int Count => _entries.Count;

    /// <summary>Answers the hot path has served since start.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>Counts one answer served by the hot path.</summary>
    public void CountServed() => Interlocked.Increment(ref _served);

    /// <summary>The entry for <paramref name="fingerprint"/> if it is still good under <paramref name="voices"/>.</summary>
    public HotHit? Find(ReadOnlySpan<byte> fingerprint, VoiceConfiguration voices)
    {
        if (!_lookup.TryGetValue(fingerprint, out var hit))
        {
            return null;
        }

        if (ReferenceEquals(hit.Voices, voices) && _time.GetTimestamp() < hit.ExpiresAt)
        {
            return hit;
        }

        _lookup.TryRemove(fingerprint, out _);
        return null;
    }

    /// <summary>
    /// Remembers a plain cache hit; answers that depended on more than the request (a fallback, a budget warning, a
    /// lexicon file that may be edited) are not.
    /// </summary>
    public void Remember(byte[] fingerprint, VoiceConfiguration voices, SpeechAudio answer)
    {
        if (answer.CacheStatus != SpeechCacheStatus.Hit || answer.CacheKey is not { } key || answer.FallbackFromVoiceId is not null || answer.Warnings.Count > 0
            || answer.AdditionalProperties?.ContainsKey(SpeechGate.Proofing.Lexicons.LexiconAnswers.DependentProperty) == true)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var expires = _time.GetTimestamp() + (long)(Lifetime.TotalSeconds * _time.TimestampFrequency);
        var metadata = answer.WithUsage(null) with { Chunks = NoAudio, Resource = null };
        _entries[fingerprint] = new HotHit(SpeechCacheKey.Parse(key), metadata, answer.GetUsage(), voices, expires);
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = default(HashCode);
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
