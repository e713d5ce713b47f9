using System.Threading.RateLimiting;
using SpeechGate.Caching;
using SpeechGate.Metering;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Server.Hosting;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.HotHits;

/// <summary>
/// Answers a repeat of an audio request the full path already answered from the cache, before routing and the pipeline:
/// the same bytes resolve to the same cache key, so it serves the clip from the cache's memory with the headers the full
/// path would send and records it through the same <see cref="SpeechAnswerRecorder"/> as metering (the same ledger row and
/// cache statistics) — after the same key check and rate limit, taken from the same injected services.
/// </summary>
/// <remarks>
/// Everything else takes the full path untouched (the body is peeked, not consumed): an unknown or retired request, a
/// key not validated in the last seconds, keyless local use, a rate-limited key, a clip no longer in memory. Such a
/// request carries a <see cref="HotHitCandidate"/> so the full path can remember its answer.
/// </remarks>
internal sealed class HotHitMiddleware(
    RequestDelegate next,
    HotHitIndex index,
    GatewayKeyStore keys,
    VoiceConfigurationStore voices,
    ISpeechCache cache,
    SpeechAnswerRecorder recorder,
    GatewayPrincipals principals,
    GatewayRateLimits rateLimits)
{
    private readonly ISpeechCacheMemory? _memory = cache as ISpeechCacheMemory;

    public Task InvokeAsync(HttpContext context)
    {
        var length = _memory is null ? -1 : HotHitRequest.CandidateLength(context.Request);
        return length < 0 ? next(context) : InvokeCandidateAsync(context, length);
    }

    private async Task InvokeCandidateAsync(HttpContext context, int length)
    {
        var reader = context.Request.BodyReader;
        var body = (await reader.ReadAtLeastAsync(length, context.RequestAborted)).Buffer;
        if (body.Length != length)
        {
            reader.AdvanceTo(body.Start);
            await next(context);
            return;
        }

        var configuration = voices.Current;
        Admitted? admitted;
        byte[]? fingerprintCopy = null;
        using (var fingerprint = HotHitRequest.Encode(context.Request, body))
        {
            admitted = index.Find(fingerprint.Span, configuration) is { } hit ? Admit(context, hit) : null;
            if (admitted is null)
            {
                fingerprintCopy = fingerprint.ToArray();
            }
        }

        if (admitted is { } answer)
        {
            reader.AdvanceTo(body.End);
            using (answer.Lease)
            {
                await ServeAsync(context, answer);
            }

            return;
        }

        reader.AdvanceTo(body.Start);
        context.Features.Set(new HotHitCandidate(index, fingerprintCopy!, configuration));
        await next(context);
    }

    // The same gates as the full path, in a form that never waits: a key validated moments ago, a free token, a clip in memory.
    private Admitted? Admit(HttpContext context, HotHit hit)
    {
        if (GatewayCredential.Find(context.Request) is not { } presented || ConnectionKeys.Find(context, presented, keys) is not { } key
            || _memory!.GetFromMemory(hit.Key) is not { } clip)
        {
            return null;
        }

        var previousUser = context.User;
        context.User = principals.For(key);
        var lease = rateLimits.TryAcquireRequest(context);
        if (lease is { IsAcquired: false })
        {
            lease.Dispose();
            context.User = previousUser;
            return null;
        }

        return new Admitted(hit, clip, key, lease);
    }

    private async Task ServeAsync(HttpContext context, Admitted answer)
    {
        index.CountServed();
        var response = context.Response;
        SpeechResponseHeaders.Apply(context, answer.Hit.Answer, answer.Hit.Answer.MediaType);
        response.ContentLength = answer.Clip.Audio.Length;
        var headers = context.Request.Headers;
        await recorder.RecordRepeatedHitAsync(answer.Hit.Usage, answer.Clip.BilledCharacters,
            answer.Key.Id, GatewayRequestContext.Project(headers), GatewayRequestContext.LineId(headers));
        try
        {
            await response.Body.WriteAsync(answer.Clip.Audio, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; a hit cost nothing.
        }
    }

    private readonly record struct Admitted(HotHit Hit, CachedSpeech Clip, GatewayKeyInfo Key, RateLimitLease? Lease);
}
