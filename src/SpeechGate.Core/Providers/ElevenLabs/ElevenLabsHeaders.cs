using System.Globalization;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Header names ElevenLabs uses, and reading them from a response.</summary>
internal static class ElevenLabsHeaders
{
    public const string ApiKey = "xi-api-key";
    public const string RequestId = "request-id";
    public const string CharacterCost = "character-cost";
    public const string HistoryItemId = "history-item-id";
    public const string TraceId = "x-trace-id";
    public const string RetryAfterMilliseconds = "retry-after-ms";
    public const string RetryAfter = "retry-after";
    public const string RateLimitReset = "x-ratelimit-reset";

    public static string? Read(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()
            : response.Content.Headers.TryGetValues(name, out values) ? values.FirstOrDefault() : null;

    /// <summary>The credits charged; ElevenLabs sends an integer, but a decimal is rounded up rather than rejected.</summary>
    public static int ReadCharacterCost(HttpResponseMessage response)
        => double.TryParse(Read(response, CharacterCost), NumberStyles.Float, CultureInfo.InvariantCulture, out var cost)
            ? (int)Math.Ceiling(cost)
            : 0;
}
