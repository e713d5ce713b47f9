using Microsoft.AspNetCore.Authentication;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Server.Errors;
using SpeechGate.Server.WebSockets;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Endpoints;

/// <summary>The WebSocket <c>/v1/text-to-speech/{voice_id}/multi-stream-input</c> (elevenlabs-api.md §4, multi-context).</summary>
internal static class MultiStreamInputEndpoints
{
    public static IEndpointRouteBuilder MapMultiStreamInputEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/v1/text-to-speech/{voice_id}/multi-stream-input", HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, string voice_id)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ElevenLabsErrors.WriteDetailAsync(context, StatusCodes.Status426UpgradeRequired, "websocket_required", "This route only accepts WebSocket connections.");
            return;
        }

        // As stream-input: schema errors refuse the handshake (422), a bad key in a header refuses it with 401.
        var query = StreamInputQuery.Parse(context.Request.Query, voice_id);
        var authenticated = context.User.Identity?.IsAuthenticated == true;
        if (!authenticated && GatewayCredential.Find(context.Request) is not null)
        {
            await context.ChallengeAsync(GatewayPolicies.Scheme);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        query = query with { Template = GatewayRequestContext.Apply(context, query.Template) };
        await using var relay = RealtimeRelay.Open(context, query.Template);
        query = query with { Template = query.Template with { Session = relay } };
        using var session = new MultiStreamSession(socket, context.RequestServices.GetRequiredService<ISpeechSynthesizer>(), query,
            context.RequestServices.GetRequiredService<GatewayKeyStore>(), authenticated ? GatewayAuthorization.KeyId(context.User) : null,
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<MultiStreamSession>(), context.RequestAborted);
        await session.RunAsync();
    }
}
