using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>One upstream call shared by every identical request: a growing chunk list that each reader follows with its own cursor.</summary>
/// <remarks>
/// One writer (the tee) appends; any number of readers enumerate from the first chunk, waiting for the next one when
/// they catch up. Chunks are never changed once appended, so readers need no copies.
/// </remarks>
internal sealed class InFlightSpeech
{
    private readonly Lock _lock = new();
    private readonly List<AudioChunk> _chunks = [];
    private readonly TaskCompletionSource<SpeechAudio> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _completed;
    private ExceptionDispatchInfo? _failure;

    /// <summary>The upstream response, for its metadata only: its chunks belong to the tee.</summary>
    public Task<SpeechAudio> Started => _started.Task;

    public void Start(SpeechAudio upstream) => _started.TrySetResult(upstream);

    public void Append(AudioChunk chunk)
    {
        lock (_lock)
        {
            _chunks.Add(chunk);
            Signal();
        }
    }

    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
            Signal();
        }
    }

    /// <summary>Ends the flight with <paramref name="failure"/>: readers that are waiting, or still behind, get it.</summary>
    public void Fail(Exception failure)
    {
        lock (_lock)
        {
            _failure = ExceptionDispatchInfo.Capture(failure);
            Signal();
        }

        _started.TrySetException(failure);
    }

    /// <summary>Every chunk from the first, as it arrives; ends when the upstream ends, throws what the upstream threw.</summary>
    public async IAsyncEnumerable<AudioChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AudioChunk chunk = default;
            Task? changed = null;
            var ended = false;
            lock (_lock)
            {
                if (next < _chunks.Count)
                {
                    chunk = _chunks[next++];
                }
                else
                {
                    _failure?.Throw();
                    ended = _completed;
                    changed = _changed.Task;
                }
            }

            if (ended)
            {
                yield break;
            }

            if (changed is null)
            {
                yield return chunk;
            }
            else
            {
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}
