using SpeechGate.Budgeting;
using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>Answers "is this request's audio already paid for?" for estimates, keyed exactly as the cache stage keys it.</summary>
internal sealed class SpeechCacheProbe(ISpeechCache cache, SpeechRequestResolver resolver) : ICacheProbe
{
    public async Task<bool> ContainsAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        var key = SpeechCacheKey.From(resolver.Complete(request));
        if (cache is not ISpeechBlobStore blobs)
        {
            return await cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is not null;
        }

        // A clip too long for memory is checked against its hash window by window, not read whole.
        if (await blobs.OpenAsync(key, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return false;
        }

        if (stored.Blob is { } blob)
        {
            await blob.DisposeAsync().ConfigureAwait(false);
        }

        return true;
    }
}
