using System.Globalization;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Reads the wait a response asks for, in the SDKs' order: retry-after-ms, retry-after, x-ratelimit-reset.</summary>
/// <remarks>Whether the API sends these is UNVERIFIED (elevenlabs-api.md §9); the official SDKs honour them, so do we.</remarks>
internal static class ElevenLabsRetryAfter
{
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        if (double.TryParse(ElevenLabsHeaders.Read(response, ElevenLabsHeaders.RetryAfterMilliseconds), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta;
            }

            if (retryAfter.Date is { } date)
            {
                return Positive(date - now);
            }
        }

        var reset = ElevenLabsHeaders.Read(response, ElevenLabsHeaders.RateLimitReset);
        if (long.TryParse(reset, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unixSeconds))
        {
            return Positive(DateTimeOffset.FromUnixTimeSeconds(unixSeconds) - now);
        }

        return DateTimeOffset.TryParse(reset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? Positive(at - now) : null;
    }

    private static TimeSpan Positive(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
