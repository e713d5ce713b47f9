using Microsoft.Extensions.Options;
using SpeechGate.Budgeting;
using SpeechGate.Synthesis;

namespace SpeechGate.Caching;

/// <summary>Answers "is this request's audio already paid for?" for estimates.</summary>
internal sealed class SpeechCacheProbe(ISpeechCache cache, IOptions<SpeechProviderOptions> providers) : ICacheProbe
{
    public async Task<bool> ContainsAsync(SpeechRequest request, CancellationToken cancellationToken = default)
        => await cache.GetAsync(SpeechCacheKey.From(request, providers.Value.Default), cancellationToken).ConfigureAwait(false) is not null;
}
