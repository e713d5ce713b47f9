using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Errors;

namespace SpeechGate.Server.Hosting;

/// <summary>
/// The gateway's two per-key token buckets (per client address without a key): every request
/// (<see cref="GatewayOptions.RateLimitPermits"/>, cache hits included; the ASP.NET Core global limiter and the hot-hit
/// path both take from it) and requests that reach a provider (<see cref="GatewayOptions.ProviderRateLimitPermits"/>,
/// the innermost pipeline stage). A limit of 0 is no limiter. Rejections are 429 <c>system_busy</c>.
/// </summary>
internal sealed class GatewayRateLimits
{
    public const string Message = "This gateway key sent too many requests; slow down and retry later.";

    private readonly PartitionedRateLimiter<string>? _providerCalls;

    public GatewayRateLimits(GatewayOptions options)
    {
        Requests = options.RateLimitPermits == 0 ? null : PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (context.Request.Path.StartsWithSegments("/healthz"))
            {
                return RateLimitPartition.GetNoLimiter("healthz");
            }

            // A key id (hex) never starts with "ip:", so the two kinds of partition cannot collide; the key id is used as is
            // so that a request allocates no partition name.
            var partition = GatewayAuthorization.KeyId(context.User) is { } keyId && keyId != GatewayAuthorization.LocalKeyId
                ? keyId
                : "ip:" + (context.Connection.RemoteIpAddress ?? IPAddress.None);
            return RateLimitPartition.GetTokenBucketLimiter(partition, _ => Bucket(options.RateLimitPermits, options.RateLimitWindow));
        });
        _providerCalls = options.ProviderRateLimitPermits == 0 ? null : PartitionedRateLimiter.Create<string, string>(
            account => RateLimitPartition.GetTokenBucketLimiter(account, _ => Bucket(options.ProviderRateLimitPermits, options.RateLimitWindow)));
    }

    /// <summary>The limiter of every request; null when <see cref="GatewayOptions.RateLimitPermits"/> is 0.</summary>
    public PartitionedRateLimiter<HttpContext>? Requests { get; }

    /// <summary>Takes a request token for <paramref name="context"/> (its user already set) without waiting; null when there is no limit.</summary>
    public RateLimitLease? TryAcquireRequest(HttpContext context) => Requests?.AttemptAcquire(context);

    /// <summary>Takes a provider-call token for <paramref name="accountId"/> (null: keyless local use) without waiting.</summary>
    public bool TryAcquireProviderCall(string? accountId)
    {
        if (_providerCalls is null)
        {
            return true;
        }

        using var lease = _providerCalls.AttemptAcquire(accountId ?? GatewayAuthorization.LocalKeyId);
        return lease.IsAcquired;
    }

    public void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = Requests;
        limiter.OnRejected = (context, _) => new ValueTask(ElevenLabsErrors.WriteDetailAsync(context.HttpContext, 429, "system_busy", Message, "rate_limit_error"));
    }

    private static TokenBucketRateLimiterOptions Bucket(int permits, TimeSpan window) => new()
    {
        TokenLimit = permits,
        TokensPerPeriod = permits,
        ReplenishmentPeriod = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
