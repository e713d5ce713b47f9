using System.Globalization;
using System.Security.Cryptography;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Endpoints.TextToSpeech;

/// <summary>The success headers of every text-to-speech answer (elevenlabs-api.md §9, design.md §5).</summary>
internal static class SpeechResponseHeaders
{
    public const string FallbackHeader = "x-speechgate-voice-fallback";
    public const string WarningHeader = "x-speechgate-budget-warning";

    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static void Apply(HttpContext context, SpeechAudio audio, string contentType)
    {
        var headers = context.Response.Headers;
        headers.ContentType = contentType;
        headers["request-id"] = audio.RequestId ?? context.TraceIdentifier;

        // The .NET SDK throws when history-item-id is missing, so invent one when the provider keeps no history.
        headers["history-item-id"] = audio.HistoryItemId ?? RandomNumberGenerator.GetString(IdAlphabet, 20);
        headers["x-speechgate-cache"] = audio.CacheStatus switch
        {
            SpeechCacheStatus.Hit => "hit",
            SpeechCacheStatus.Coalesced => "coalesced",
            SpeechCacheStatus.Bypass => "bypass",
            _ => "miss",
        };
        var free = audio.CacheStatus is SpeechCacheStatus.Hit or SpeechCacheStatus.Coalesced;
        var credits = free ? 0 : audio.BilledCharacters;
        headers["character-cost"] = credits.ToString(CultureInfo.InvariantCulture);
        headers["x-speechgate-credits"] = headers["character-cost"];
        if (audio.CacheKey is { } key)
        {
            // The key hashes every audio-deciding field, so the bytes behind it never change.
            headers.ETag = $"\"{key}\"";
            headers.CacheControl = "private, max-age=31536000, immutable";
        }

        if (audio.FallbackFromVoiceId is { } requested)
        {
            headers[FallbackHeader] = Ascii(requested);
        }

        if (audio.Warnings.Count > 0)
        {
            headers[WarningHeader] = new([.. audio.Warnings.Select(Ascii)]);
        }
    }

    // Header values must be ASCII; a warning names budgets and voices, which may not be.
    private static string Ascii(string value)
        => string.Create(value.Length, value, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = text[i] is >= ' ' and <= '~' ? text[i] : '?';
            }
        });
}
