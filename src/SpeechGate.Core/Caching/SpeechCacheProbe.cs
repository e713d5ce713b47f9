using SpeechGate.Budgeting;
using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>Answers "is this request's audio already paid for?" for estimates, keyed exactly as the cache stage keys it.</summary>
internal sealed class SpeechCacheProbe(ISpeechCache cache, SpeechRequestResolver resolver) : ICacheProbe
{
    public async Task<bool> ContainsAsync(SpeechRequest request, CancellationToken cancellationToken = default)
        => await cache.GetAsync(SpeechCacheKey.From(resolver.Complete(request)), cancellationToken).ConfigureAwait(false) is not null;
}
