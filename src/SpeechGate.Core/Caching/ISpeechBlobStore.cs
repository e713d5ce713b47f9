namespace SpeechGate.Caching;

/// <summary>A store whose clips are files: one too long to hold in memory is handed out open and verified, to stream from disk.</summary>
internal interface ISpeechBlobStore
{
    /// <summary>Like <see cref="ISpeechCache.GetAsync"/>, except that a clip the memory tier would not keep comes as its description and its verified blob.</summary>
    ValueTask<StoredSpeech?> OpenAsync(SpeechCacheKey key, CancellationToken cancellationToken);
}
