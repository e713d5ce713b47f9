using System.Runtime.CompilerServices;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Endpoints.TextToSpeech;

/// <summary>
/// Synthesis with its first chunk already read: a failure before any audio exists still gets a proper error status,
/// and after that the response can commit to 200.
/// </summary>
internal sealed class StartedSpeech : IAsyncDisposable
{
    private readonly IAsyncEnumerator<AudioChunk> _enumerator;
    private readonly bool _hasFirst;

    private StartedSpeech(SpeechAudio audio, IAsyncEnumerator<AudioChunk> enumerator, bool hasFirst)
    {
        Audio = audio;
        _enumerator = enumerator;
        _hasFirst = hasFirst;
    }

    public SpeechAudio Audio { get; }

    public static async Task<StartedSpeech> StartAsync(ISpeechSynthesizer synthesizer, SpeechRequest request, CancellationToken cancellationToken)
    {
        var audio = await synthesizer.SynthesizeAsync(request, cancellationToken);
        var enumerator = audio.Chunks.GetAsyncEnumerator(cancellationToken);
        try
        {
            var hasFirst = await enumerator.MoveNextAsync();
            return new StartedSpeech(audio, enumerator, hasFirst);
        }
        catch
        {
            await enumerator.DisposeAsync();
            await audio.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every chunk, the prefetched first one included; enumerate once.</summary>
    public async IAsyncEnumerable<AudioChunk> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!_hasFirst)
        {
            yield break;
        }

        yield return _enumerator.Current;
        while (await _enumerator.MoveNextAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return _enumerator.Current;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _enumerator.DisposeAsync();
        await Audio.DisposeAsync();
    }
}
