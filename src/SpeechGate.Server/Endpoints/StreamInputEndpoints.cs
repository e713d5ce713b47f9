using Microsoft.AspNetCore.Authentication;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Server.Errors;
using SpeechGate.Server.WebSockets;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Endpoints;

/// <summary>The WebSocket <c>/v1/text-to-speech/{voice_id}/stream-input</c> (elevenlabs-api.md §4).</summary>
internal static class StreamInputEndpoints
{
    public static IEndpointRouteBuilder MapStreamInputEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/v1/text-to-speech/{voice_id}/stream-input", HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, string voice_id)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ElevenLabsErrors.WriteDetailAsync(context, StatusCodes.Status426UpgradeRequired, "websocket_required", "This route only accepts WebSocket connections.");
            return;
        }

        // Schema errors refuse the handshake (422, before auth as upstream); a bad key in a header refuses it with 401.
        var query = StreamInputQuery.Parse(context.Request.Query, voice_id);
        var authenticated = context.User.Identity?.IsAuthenticated == true;
        if (!authenticated && GatewayCredential.Find(context.Request) is not null)
        {
            await context.ChallengeAsync(GatewayPolicies.Scheme);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        // The upgrade request's x-speechgate-project / -line-id / -cache headers apply to every generation of the session.
        query = query with { Template = GatewayRequestContext.Apply(context, query.Template) };
        await using var relay = RealtimeRelay.Open(context, query.Template);
        query = query with { Template = query.Template with { Session = relay } };
        using var session = new StreamInputSession(socket, context.RequestServices.GetRequiredService<ISpeechSynthesizer>(), query,
            context.RequestServices.GetRequiredService<GatewayKeyStore>(), authenticated ? GatewayAuthorization.KeyId(context.User) : null,
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<StreamInputSession>(), context.RequestAborted);
        await session.RunAsync();
    }
}
