using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Errors;

namespace SpeechGate.Server.Hosting;

/// <summary>A token bucket per gateway key (per client address without one); rejections are 429 <c>system_busy</c>.</summary>
internal static class GatewayRateLimits
{
    public static void Configure(RateLimiterOptions limiter, GatewayHostOptions options)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
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
            return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.RateLimitPermits,
                TokensPerPeriod = options.RateLimitPermits,
                ReplenishmentPeriod = options.RateLimitWindow,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        limiter.OnRejected = (context, _) => new ValueTask(ElevenLabsErrors.WriteDetailAsync(context.HttpContext, 429, "system_busy",
            "This gateway key sent too many requests; slow down and retry later.", "rate_limit_error"));
    }
}
