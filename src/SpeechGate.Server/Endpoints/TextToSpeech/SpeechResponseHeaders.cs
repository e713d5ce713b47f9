using System.Globalization;
using System.Security.Cryptography;
using SpeechGate.Server.Errors;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Endpoints.TextToSpeech;

/// <summary>The success headers of every text-to-speech answer (elevenlabs-api.md §9, design.md §5).</summary>
internal static class SpeechResponseHeaders
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static void Apply(HttpContext context, SpeechAudio audio, string contentType)
    {
        var headers = context.Response.Headers;
        headers.ContentType = contentType;
        headers["request-id"] = audio.RequestId ?? context.TraceIdentifier;
        headers["character-cost"] = audio.BilledCharacters.ToString(CultureInfo.InvariantCulture);

        // The .NET SDK throws when history-item-id is missing, so invent one when the provider keeps no history.
        headers["history-item-id"] = audio.HistoryItemId ?? RandomNumberGenerator.GetString(IdAlphabet, 20);
        headers[ElevenLabsErrors.TraceIdHeader] = context.TraceIdentifier;
        headers["x-speechgate-cache"] = audio.CacheStatus switch
        {
            SpeechCacheStatus.Hit => "hit",
            SpeechCacheStatus.Coalesced => "coalesced",
            _ => "miss",
        };
        var credits = audio.CacheStatus is SpeechCacheStatus.Hit or SpeechCacheStatus.Coalesced ? 0 : audio.BilledCharacters;
        headers["x-speechgate-credits"] = credits.ToString(CultureInfo.InvariantCulture);
    }
}
