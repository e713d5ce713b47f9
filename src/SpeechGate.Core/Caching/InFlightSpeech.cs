using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>One upstream call shared by every identical request: the clip spooled once as it arrives, each reader following it with its own cursor.</summary>
/// <remarks>
/// <para>
/// One writer (the tee) appends to a <see cref="SpeechSpool"/>, with <see cref="FileSpeechCache"/> the temporary file
/// that becomes the stored blob; any number of readers follow it from the first byte and wait at its end for more, the
/// way nginx's cache-lock readers follow a file being filled. A reader holds only its current read (at most
/// <see cref="ReadSize"/> bytes, or one chunk that carries alignment), so memory does not grow with the clip's length
/// or with how slowly anyone reads, and the upstream never waits for a reader. A side list keeps each upstream chunk's
/// length (8 bytes a chunk) and its alignment, so readers get the upstream's chunks (longer ones without alignment
/// split into reads of <see cref="ReadSize"/>) and each alignment goes out with exactly its audio.
/// </para>
/// <para>
/// If the spool cannot take more (a full disk), the rest goes to the leader alone through a queue of
/// <see cref="TailCapacity"/> chunks, which holds the upstream back to the leader's pace; other readers get an
/// <see cref="IOException"/> where the spool stopped, new requests no longer join, and nothing is stored.
/// </para>
/// <para>
/// The writer and every reader hold the flight (<see cref="TryOpenReader"/>, <see cref="ReleaseWriter"/>); the last to
/// let go closes the spool. A flight is no longer offered to new requests before its writer lets go, so a request that
/// finds it closed can simply ask again.
/// </para>
/// </remarks>
internal sealed class InFlightSpeech(Action<InFlightSpeech>? spoolLost = null)
{
    /// <summary>The most a reader reads at once, between chunks that carry alignment.</summary>
    public const int ReadSize = 32 * 1024;

    /// <summary>Chunks queued for the leader after the spool failed.</summary>
    public const int TailCapacity = 4;

    private readonly Lock _lock = new();
    private readonly List<ChunkBounds> _chunks = [];
    private readonly List<(CharacterAlignment? Alignment, CharacterAlignment? Normalized)> _alignments = [];
    private readonly TaskCompletionSource<SpeechAudio> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SpeechSpool? _spool;
    private long _length;
    private long _spooledUntil = -1;
    private long _tailBytes;
    private Channel<AudioChunk>? _tail;
    private int _holders = 1;
    private bool _leaderGone;
    private bool _completed;
    private ExceptionDispatchInfo? _failure;

    /// <summary>The upstream response, for its metadata only: its chunks belong to the tee.</summary>
    public Task<SpeechAudio> Started => _started.Task;

    /// <summary>Bytes of audio spooled so far.</summary>
    public long Length
    {
        get
        {
            lock (_lock)
            {
                return _length;
            }
        }
    }

    /// <summary>Why the spool stopped taking audio, or null while it takes it all.</summary>
    public Exception? SpoolFailure { get; private set; }

    /// <summary>Bytes of audio this flight holds in memory: the spool's (none for a file) and the leader's queue.</summary>
    public long MemoryBytes
    {
        get
        {
            lock (_lock)
            {
                return (_spool?.MemoryBytes ?? 0) + Interlocked.Read(ref _tailBytes);
            }
        }
    }

    /// <summary>Opens the flight with the upstream's metadata and where its audio goes; a null spool sends it all to the leader.</summary>
    public void Start(SpeechAudio upstream, SpeechSpool? spool, Exception? spoolFailure = null)
    {
        lock (_lock)
        {
            _spool = spool;
        }

        if (spool is null)
        {
            LoseSpool(spoolFailure ?? new IOException("The cache has nowhere to spool this response."));
        }

        _started.TrySetResult(upstream);
    }

    /// <summary>Appends one upstream chunk (writer only); waits only when the spool is lost and the leader's queue is full.</summary>
    public async ValueTask AppendAsync(AudioChunk chunk)
    {
        if (_tail is null)
        {
            try
            {
                await _spool!.AppendAsync(chunk.Audio, CancellationToken.None).ConfigureAwait(false);
                lock (_lock)
                {
                    var alignment = -1;
                    if (chunk.Alignment is not null || chunk.NormalizedAlignment is not null)
                    {
                        alignment = _alignments.Count;
                        _alignments.Add((chunk.Alignment, chunk.NormalizedAlignment));
                    }

                    _chunks.Add(new ChunkBounds(chunk.Audio.Length, alignment));

                    _length += chunk.Audio.Length;
                    Signal();
                }

                return;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LoseSpool(exception);
            }
        }

        Interlocked.Add(ref _tailBytes, chunk.Audio.Length);
        try
        {
            await _tail!.Writer.WriteAsync(chunk with { Audio = chunk.Audio.ToArray() }).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The leader left: nobody is left to give the rest to, and it cannot be stored.
            Interlocked.Add(ref _tailBytes, -chunk.Audio.Length);
        }
    }

    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
            Signal();
        }

        _tail?.Writer.TryComplete();
    }

    /// <summary>Ends the flight with <paramref name="failure"/>: readers that are waiting, or still behind, get it.</summary>
    public void Fail(Exception failure)
    {
        lock (_lock)
        {
            _failure = ExceptionDispatchInfo.Capture(failure);
            Signal();
        }

        _tail?.Writer.TryComplete();
        _started.TrySetException(failure);
    }

    /// <summary>Stores the spooled clip (writer only, after <see cref="Complete"/>).</summary>
    public Task StoreAsync(SpeechCacheKey key, CachedSpeech described) => _spool!.StoreAsync(key, described, CancellationToken.None);

    /// <summary>Every alignment appended, joined in order; null where no chunk carried one.</summary>
    public (CharacterAlignment? Alignment, CharacterAlignment? Normalized) JoinAlignments()
    {
        lock (_lock)
        {
            return (Join(_alignments.Select(a => a.Alignment)), Join(_alignments.Select(a => a.Normalized)));
        }
    }

    /// <summary>Opens a reader from the first byte; false once the flight has closed (it was stored, or failed).</summary>
    /// <param name="leader">Whether this is the request that started the flight: it alone gets the rest if the spool fails.</param>
    /// <param name="reader">The reader; dispose it, or read it to the end, to let go of the flight.</param>
    public bool TryOpenReader(bool leader, [NotNullWhen(true)] out Reader? reader)
    {
        lock (_lock)
        {
            if (_holders == 0)
            {
                reader = null;
                return false;
            }

            _holders++;
        }

        reader = new Reader(this, leader);
        return true;
    }

    /// <summary>Opens the reader of the request that starts the flight; call before the writer can let go.</summary>
    public Reader OpenLeader()
        => TryOpenReader(leader: true, out var reader) ? reader : throw new InvalidOperationException("The flight has already closed.");

    /// <summary>The writer lets go; call once, after the flight stopped being offered to new requests.</summary>
    public void ReleaseWriter() => Release();

    private void Release()
    {
        SpeechSpool? closing;
        lock (_lock)
        {
            if (--_holders > 0)
            {
                return;
            }

            closing = _spool;
        }

        closing?.Dispose();
    }

    private void LeaderLeft()
    {
        Channel<AudioChunk>? tail;
        lock (_lock)
        {
            _leaderGone = true;
            tail = _tail;
        }

        tail?.Writer.TryComplete();
    }

    private void LoseSpool(Exception failure)
    {
        lock (_lock)
        {
            SpoolFailure = failure;
            _spooledUntil = _length;
            _tail = Channel.CreateBounded<AudioChunk>(new BoundedChannelOptions(TailCapacity) { SingleReader = true, SingleWriter = true });
            if (_leaderGone)
            {
                _tail.Writer.TryComplete();
            }

            Signal();
        }

        spoolLost?.Invoke(this);
    }

    private async IAsyncEnumerable<AudioChunk> ReadAsync(bool leader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long cursor = 0;
        var chunkIndex = 0;
        var withinChunk = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = false;
            var size = 0;
            (CharacterAlignment? Alignment, CharacterAlignment? Normalized) alignment = default;
            Channel<AudioChunk>? tail = null;
            Task? changed = null;
            var ended = false;
            lock (_lock)
            {
                if (chunkIndex < _chunks.Count)
                {
                    // The upstream's chunk, whole when it carries alignment, else in pieces of at most ReadSize.
                    var bounds = _chunks[chunkIndex];
                    read = true;
                    if (bounds.Alignment >= 0)
                    {
                        alignment = _alignments[bounds.Alignment];
                        size = bounds.Length;
                    }
                    else
                    {
                        size = Math.Min(ReadSize, bounds.Length - withinChunk);
                    }

                    withinChunk += size;
                    if (withinChunk == bounds.Length)
                    {
                        chunkIndex++;
                        withinChunk = 0;
                    }
                }
                else if (cursor == _spooledUntil)
                {
                    tail = _tail;
                }
                else
                {
                    _failure?.Throw();
                    ended = _completed;
                    changed = _changed.Task;
                }
            }

            if (read)
            {
                var audio = size == 0 ? ReadOnlyMemory<byte>.Empty : await _spool!.ReadAsync(cursor, size, cancellationToken).ConfigureAwait(false);
                cursor += size;
                yield return new AudioChunk(audio) { Alignment = alignment.Alignment, NormalizedAlignment = alignment.Normalized };
            }
            else if (tail is not null)
            {
                if (!leader)
                {
                    throw new IOException("The cache could not keep this response while it arrived (is its disk full?); request it again.", SpoolFailure);
                }

                await foreach (var chunk in tail.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    Interlocked.Add(ref _tailBytes, -chunk.Audio.Length);
                    yield return chunk;
                }

                lock (_lock)
                {
                    _failure?.Throw();
                }

                yield break;
            }
            else if (ended)
            {
                yield break;
            }
            else
            {
                await changed!.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private static CharacterAlignment? Join(IEnumerable<CharacterAlignment?> pieces)
    {
        List<string>? characters = null;
        List<double> starts = [], ends = [];
        foreach (var piece in pieces.OfType<CharacterAlignment>())
        {
            (characters ??= []).AddRange(piece.Characters);
            starts.AddRange(piece.CharacterStartTimesSeconds);
            ends.AddRange(piece.CharacterEndTimesSeconds);
        }

        return characters is null ? null : new CharacterAlignment(characters, starts, ends);
    }

    /// <summary>One upstream chunk's length, and the index of its alignment (-1 for none): 8 bytes a chunk, not its audio.</summary>
    private readonly record struct ChunkBounds(int Length, int Alignment);

    /// <summary>One reader's hold on the flight: enumerate <see cref="ReadAsync"/> once; disposing it lets go if it never finished.</summary>
    internal sealed class Reader(InFlightSpeech flight, bool leader) : IAsyncDisposable
    {
        private readonly Lock _lock = new();
        private bool _reading;
        private bool _released;

        /// <summary>Every chunk from the first, as it arrives; ends when the upstream ends, throws what the upstream threw.</summary>
        public async IAsyncEnumerable<AudioChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_released || _reading, this);
                _reading = true;
            }

            try
            {
                await foreach (var chunk in flight.ReadAsync(leader, cancellationToken).ConfigureAwait(false))
                {
                    yield return chunk;
                }
            }
            finally
            {
                lock (_lock)
                {
                    _reading = false;
                }

                ReleaseOnce();
            }
        }

        /// <inheritdoc/>
        public ValueTask DisposeAsync()
        {
            lock (_lock)
            {
                if (_reading)
                {
                    // The enumeration lets go when it ends.
                    return ValueTask.CompletedTask;
                }
            }

            ReleaseOnce();
            return ValueTask.CompletedTask;
        }

        private void ReleaseOnce()
        {
            lock (_lock)
            {
                if (_released)
                {
                    return;
                }

                _released = true;
            }

            if (leader)
            {
                flight.LeaderLeft();
            }

            flight.Release();
        }
    }
}
