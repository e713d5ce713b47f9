using System.Runtime.CompilerServices;
using SpeechGate.Synthesis;

namespace SpeechGate.Testing;

/// <summary>A provider that answers with bytes derived from the request, counting calls.</summary>
public sealed class FakeSpeechSynthesizer : ISpeechSynthesizer
{
    private int _calls;

    /// <summary>Number of calls so far.</summary>
    public int Calls => _calls;

    /// <summary>Every request received, in order.</summary>
    public List<SpeechRequest> Requests { get; } = [];

    /// <summary>Replaces the default answer.</summary>
    public Func<SpeechRequest, CancellationToken, Task<SpeechAudio>>? OnSynthesize { get; set; }

    /// <summary>Chunks per answer for the default behaviour.</summary>
    public int ChunkCount { get; set; } = 3;

    public Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        lock (Requests)
        {
            Requests.Add(request);
        }

        return OnSynthesize?.Invoke(request, cancellationToken)
            ?? Task.FromResult(new SpeechAudio(request.Format.MediaType, Chunks(request, ChunkCount, cancellationToken)) { BilledCharacters = request.Text.Length, RequestId = "fake-" + _calls });
    }

    /// <summary>The bytes the default behaviour produces for a request.</summary>
    public static byte[] ExpectedBytes(SpeechRequest request, int chunkCount = 3)
        => Enumerable.Range(0, chunkCount).SelectMany(i => System.Text.Encoding.UTF8.GetBytes($"{i}:{request.VoiceId}:{request.Text};")).ToArray();

    private static async IAsyncEnumerable<AudioChunk> Chunks(SpeechRequest request, int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new AudioChunk(System.Text.Encoding.UTF8.GetBytes($"{i}:{request.VoiceId}:{request.Text};"));
        }
    }
}
