using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>A cache hit: the clip in memory, or (when <see cref="Blob"/> is set) its description and the verified file to read it from.</summary>
/// <param name="Speech">The clip; its audio is empty when it is read from <paramref name="Blob"/>.</param>
/// <param name="Blob">The open blob of a clip too long to hold in memory; disposing the answer closes it.</param>
internal sealed record StoredSpeech(CachedSpeech Speech, VerifiedBlob? Blob)
{
    /// <summary>The audio: one chunk over the bytes in memory, or windows read from the blob as the caller asks for them.</summary>
    public IAsyncEnumerable<AudioChunk> ReadAsync(CancellationToken cancellationToken = default)
        => Blob?.ReadAsync(Speech.Alignment, Speech.NormalizedAlignment, cancellationToken) ?? Once(Speech, cancellationToken);

    /// <summary>The clip whole in memory, closing the blob (only for the rare caller that needs it whole).</summary>
    public async Task<CachedSpeech> LoadAsync(CancellationToken cancellationToken)
    {
        if (Blob is null)
        {
            return Speech;
        }

        await using (Blob.ConfigureAwait(false))
        {
            return Speech with { Audio = await Blob.ReadAllAsync(cancellationToken).ConfigureAwait(false) };
        }
    }

    private static async IAsyncEnumerable<AudioChunk> Once(CachedSpeech speech, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Task.CompletedTask.ConfigureAwait(false);
        yield return new AudioChunk(speech.Audio) { Alignment = speech.Alignment, NormalizedAlignment = speech.NormalizedAlignment };
    }
}
