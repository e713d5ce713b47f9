using Microsoft.Extensions.Options;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Catalog;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Synthesis;
using SpeechGate.Voices;

namespace SpeechGate.Server.Endpoints;

/// <summary><c>GET /v1/voices/settings/default</c> and <c>GET /v1/voices/{voice_id}/settings</c> (elevenlabs-api.md §5).</summary>
internal static class VoiceSettingsEndpoints
{
    public static IEndpointRouteBuilder MapVoiceSettingsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/voices/settings/default", () => Results.Json(VoiceSettingsJson.From(VoiceSettings.Defaults)))
            .RequireAuthorization(GatewayPolicies.Client);

        endpoints.MapGet("/v1/voices/{voice_id}/settings", async (HttpContext context, string voice_id) =>
        {
            VoiceIdRule.Ensure(voice_id);
            var provider = context.RequestServices.GetRequiredService<IOptions<SpeechProviderOptions>>().Value.Default;
            var directory = context.RequestServices.GetKeyedService<IVoiceDirectory>(provider);
            var voice = directory is null ? null : await directory.GetVoiceAsync(voice_id, context.RequestAborted);
            return voice is null
                ? throw SpeechException.VoiceNotFound(voice_id)
                : Results.Json(VoiceSettingsJson.From(voice.Settings?.WithDefaults() ?? VoiceSettings.Defaults));
        }).RequireAuthorization(GatewayPolicies.Client);
        return endpoints;
    }
}
