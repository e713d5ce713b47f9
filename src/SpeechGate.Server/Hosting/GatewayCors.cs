using Microsoft.AspNetCore.Cors.Infrastructure;

namespace SpeechGate.Server.Hosting;

/// <summary>
/// CORS as ElevenLabs answers it (elevenlabs-api.md §9): any origin unless <see cref="GatewayOptions.CorsOrigins"/> names
/// some, any header (X-Fern-* and x-speechgate-project/-line-id/-cache included), max-age 600.
/// </summary>
internal static class GatewayCors
{
    public static void Configure(CorsOptions cors, GatewayOptions options) => cors.AddDefaultPolicy(policy => Origins(policy, options.CorsOrigins)
        .AllowAnyHeader()
        .WithMethods("POST", "PATCH", "OPTIONS", "DELETE", "GET", "PUT")
        .WithExposedHeaders("request-id", "character-cost", "history-item-id", "x-trace-id", "x-speechgate-cache", "x-speechgate-credits",
            "x-speechgate-voice-fallback", "x-speechgate-budget-warning", "etag")
        .SetPreflightMaxAge(TimeSpan.FromSeconds(600)));

    private static CorsPolicyBuilder Origins(CorsPolicyBuilder policy, IList<string> origins)
        => origins.Count == 0 ? policy.AllowAnyOrigin() : policy.WithOrigins([.. origins]);
}
