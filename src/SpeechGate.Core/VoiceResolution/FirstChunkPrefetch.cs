using System.Runtime.CompilerServices;
using SpeechGate.Synthesis;

namespace SpeechGate.VoiceResolution;

/// <summary>Starts an audio stream by reading its first chunk, so a failure at the start surfaces now.</summary>
internal static class FirstChunkPrefetch
{
    public static async Task<SpeechAudio> StartAsync(SpeechAudio audio, CancellationToken cancellationToken)
    {
        var enumerator = audio.Chunks.GetAsyncEnumerator(cancellationToken);
        bool hasFirst;
        try
        {
            hasFirst = await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
        catch
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            await audio.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return audio with { Chunks = Continue(enumerator, hasFirst, CancellationToken.None) };
    }

    private static async IAsyncEnumerable<AudioChunk> Continue(IAsyncEnumerator<AudioChunk> enumerator, bool hasFirst, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using (enumerator.ConfigureAwait(false))
        {
            if (!hasFirst)
            {
                yield break;
            }

            yield return enumerator.Current;
            while (await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return enumerator.Current;
            }
        }
    }
}
