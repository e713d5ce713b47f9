using System.Runtime.CompilerServices;
using System.Text;
using SpeechGate.Synthesis;

namespace SpeechGate.Testing.Fakes;

/// <summary>A provider whose chunks are held until the test releases them, so a test can stop an upstream mid-stream.</summary>
public sealed class GatedSpeechSynthesizer : ISpeechSynthesizer
{
    private readonly SemaphoreSlim _gate = new(0);
    private int _calls;
    private int _chunksYielded;
    private int _streamsCompleted;

    /// <summary>Number of calls so far.</summary>
    public int Calls => _calls;

    /// <summary>Chunks handed out so far, over every call.</summary>
    public int ChunksYielded => Volatile.Read(ref _chunksYielded);

    /// <summary>Streams read to their end.</summary>
    public int StreamsCompleted => Volatile.Read(ref _streamsCompleted);

    /// <summary>Chunks per answer.</summary>
    public int ChunkCount { get; set; } = 3;

    /// <summary>When false, chunks flow without <see cref="Release"/>.</summary>
    public bool Gated { get; set; } = true;

    /// <summary>Thrown instead of the chunk with this index (the connection reset after some audio).</summary>
    public int? FailAtChunk { get; set; }

    /// <summary>Thrown by <see cref="SynthesizeAsync"/> itself, before any audio.</summary>
    public Exception? FailOnStart { get; set; }

    /// <summary>Alignment attached to every chunk, for timestamp requests.</summary>
    public bool WithAlignment { get; set; }

    /// <summary>Lets <paramref name="chunks"/> more chunks through.</summary>
    public void Release(int chunks = 1) => _gate.Release(chunks);

    /// <summary>Lets every remaining chunk through, for every call.</summary>
    public void ReleaseAll()
    {
        Gated = false;
        _gate.Release(1_000);
    }

    /// <summary>The bytes of chunk <paramref name="index"/> of the answer to <paramref name="request"/>.</summary>
    public static byte[] ChunkBytes(SpeechRequest request, int index)
        => Encoding.UTF8.GetBytes($"[{index}:{request.VoiceId}:{request.Text}]");

    /// <summary>The whole answer to <paramref name="request"/>.</summary>
    public static byte[] ExpectedBytes(SpeechRequest request, int chunkCount = 3)
        => [.. Enumerable.Range(0, chunkCount).SelectMany(i => ChunkBytes(request, i))];

    /// <inheritdoc/>
    public Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = Interlocked.Increment(ref _calls);
        if (FailOnStart is { } failure)
        {
            return Task.FromException<SpeechAudio>(failure);
        }

        return Task.FromResult(new SpeechAudio(request.Format.MediaType, Chunks(request, cancellationToken))
        {
            BilledCharacters = request.Text.Length,
            RequestId = $"gated-{call}",
            HistoryItemId = $"history-{call}",
        });
    }

    private async IAsyncEnumerable<AudioChunk> Chunks(SpeechRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < ChunkCount; i++)
        {
            if (Gated)
            {
                await _gate.WaitAsync(cancellationToken);
            }

            await Task.Yield();
            if (FailAtChunk == i)
            {
                throw new IOException("The upstream connection was reset.");
            }

            Interlocked.Increment(ref _chunksYielded);
            yield return new AudioChunk(ChunkBytes(request, i))
            {
                Alignment = WithAlignment ? new CharacterAlignment([$"c{i}"], [i], [i + 0.5]) : null,
                NormalizedAlignment = WithAlignment ? new CharacterAlignment([$"n{i}"], [i], [i + 0.5]) : null,
            };
        }

        Interlocked.Increment(ref _streamsCompleted);
    }
}
