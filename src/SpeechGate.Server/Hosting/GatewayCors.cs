using Microsoft.AspNetCore.Cors.Infrastructure;

namespace SpeechGate.Server.Hosting;

/// <summary>CORS as ElevenLabs answers it (elevenlabs-api.md §9): any origin, any header (X-Fern-* and x-speechgate-project/-line-id/-cache included), max-age 600.</summary>
internal static class GatewayCors
{
    public static void Configure(CorsOptions cors) => cors.AddDefaultPolicy(policy => policy
        .AllowAnyOrigin()
        .AllowAnyHeader()
        .WithMethods("POST", "PATCH", "OPTIONS", "DELETE", "GET", "PUT")
        .WithExposedHeaders("request-id", "character-cost", "history-item-id", "x-trace-id", "x-speechgate-cache", "x-speechgate-credits",
            "x-speechgate-voice-fallback", "x-speechgate-budget-warning", "etag")
        .SetPreflightMaxAge(TimeSpan.FromSeconds(600)));
}
