using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>The retry pipeline shared by every ElevenLabs call (Polly.Core).</summary>
/// <remarks>
/// Retries 408, 429 and 5xx answers and connection failures, but only before any audio reached the caller. Waits what
/// the server asks (retry-after-ms, retry-after), else backs off exponentially with jitter; on
/// <c>too_many_concurrent_requests</c> it first waits for one of our own requests to free a slot.
/// </remarks>
internal sealed class ElevenLabsResilience
{
    private readonly ElevenLabsConcurrencyLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly ElevenLabsOptions _options;

    public ElevenLabsResilience(IOptions<ElevenLabsOptions> options, ElevenLabsConcurrencyLimiter limiter, TimeProvider time)
    {
        _options = options.Value;
        _limiter = limiter;
        _time = time;
        Pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, _options.MaxRetries),
                ShouldHandle = args => ValueTask.FromResult(_options.MaxRetries > 0 && IsRetryable(args.Outcome.Exception, args.Context.CancellationToken)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryDelay,
                MaxDelay = _options.MaxRetryDelay,
                DelayGenerator = DelayAsync,
            })
            .Build();
    }

    /// <summary>The key under which a call stores its model id, so a concurrency 429 waits on the right pool.</summary>
    public static ResiliencePropertyKey<string?> ModelKey { get; } = new("elevenlabs.model");

    public ResiliencePipeline Pipeline { get; }

    public static bool IsRetryable(Exception? exception, CancellationToken cancellationToken) => exception switch
    {
        ElevenLabsException error => error.IsTransient,
        Synthesis.SpeechException => false,
        HttpRequestException => true,
        IOException => true,

        // HttpClient's own timeout, not the caller giving up.
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private async ValueTask<TimeSpan?> DelayAsync(RetryDelayGeneratorArguments<object> args)
    {
        if (args.Outcome.Exception is not ElevenLabsException error)
        {
            return null;
        }

        if (error.RetryAfter is { } asked)
        {
            return asked < _options.MaxRetryDelay ? asked : _options.MaxRetryDelay;
        }

        if (error.IsConcurrencyLimit)
        {
            args.Context.Properties.TryGetValue(ModelKey, out var modelId);
            var freed = await _limiter.WaitForReleaseAsync(modelId, _options.MaxRetryDelay, _time, args.Context.CancellationToken).ConfigureAwait(false);
            return freed ? TimeSpan.Zero : null;
        }

        return null;
    }
}
