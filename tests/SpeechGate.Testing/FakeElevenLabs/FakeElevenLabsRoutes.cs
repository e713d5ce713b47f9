using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Maps every route the fake serves.</summary>
internal static class FakeElevenLabsRoutes
{
    public static void Map(IEndpointRouteBuilder app, FakeElevenLabsServer server)
    {
        var tts = new FakeTextToSpeechEndpoint(server);
        app.MapPost("/v1/text-to-speech/{voice_id}", tts.Handler(streamed: false, timestamps: false));
        app.MapPost("/v1/text-to-speech/{voice_id}/stream", tts.Handler(streamed: true, timestamps: false));
        app.MapPost("/v1/text-to-speech/{voice_id}/with-timestamps", tts.Handler(streamed: false, timestamps: true));
        app.MapPost("/v1/text-to-speech/{voice_id}/stream/with-timestamps", tts.Handler(streamed: true, timestamps: true));

        app.Map("/v1/text-to-speech/{voice_id}/stream-input", new FakeRealtimeEndpoint(server, multi: false).HandleAsync);
        app.Map("/v1/text-to-speech/{voice_id}/multi-stream-input", new FakeRealtimeEndpoint(server, multi: true).HandleAsync);

        var voices = new FakeVoiceEndpoints(server);
        app.MapGet("/v1/voices", Authed(server, voices.ListV1Async));
        app.MapGet("/v2/voices", Authed(server, voices.ListV2Async));
        app.MapGet("/v1/voices/{voice_id}", Authed(server, voices.GetAsync));
        app.MapDelete("/v1/voices/{voice_id}", Authed(server, voices.DeleteAsync));
        app.MapGet("/v1/shared-voices", Authed(server, voices.SharedAsync));
        app.MapPost("/v1/voices/add/{public_user_id}/{voice_id}", Authed(server, voices.AddSharedAsync));
        app.MapPost("/v1/voices/add", Authed(server, voices.AddClonedAsync));

        var design = new FakeTextToVoiceEndpoints(server);
        app.MapPost("/v1/text-to-voice/design", Authed(server, design.DesignAsync));
        app.MapPost("/v1/text-to-voice", Authed(server, design.CreateAsync));

        var dictionaries = new FakePronunciationDictionaryEndpoints(server);
        app.MapPost("/v1/pronunciation-dictionaries/add-from-file", Authed(server, dictionaries.AddFromFileAsync));

        var account = new FakeAccountEndpoints(server);
        app.MapGet("/v1/models", Authed(server, FakeAccountEndpoints.ModelsAsync, missingKey: new FakeError(404, "workspace_not_found", "Workspace not found.") { Type = "not_found" }));
        app.MapGet("/v1/user", Authed(server, account.UserAsync));
        app.MapGet("/v1/user/subscription", Authed(server, account.SubscriptionAsync));
        app.MapGet("/v1/history", Authed(server, account.HistoryAsync));
        app.MapGet("/v1/history/{history_item_id}", Authed(server, account.HistoryItemAsync));
        app.MapGet("/v1/history/{history_item_id}/audio", Authed(server, account.HistoryAudioAsync));
    }

    private static RequestDelegate Authed(FakeElevenLabsServer server, Func<HttpContext, FakeElevenLabsRequest, Task> handler, FakeError? missingKey = null)
        => async context =>
        {
            var record = await server.BeginAsync(context).ConfigureAwait(false);
            var error = server.Authenticate(context);
            if (error is not null)
            {
                await server.WriteErrorAsync(context, error.Status == "needs_authorization" && missingKey is not null ? missingKey : error, record).ConfigureAwait(false);
                return;
            }

            var fault = server.TakeFault(context.Request.Path);
            if (fault?.Kind == FakeFaultKind.ResetBeforeResponse)
            {
                record.Aborted = true;
                context.Abort();
                return;
            }

            if (fault?.Kind is FakeFaultKind.ServerError or FakeFaultKind.SystemBusy)
            {
                await server.WriteErrorAsync(context, fault.Kind == FakeFaultKind.ServerError ? FakeError.SomethingWentWrong() : FakeError.SystemBusy(), record).ConfigureAwait(false);
                return;
            }

            await handler(context, record).ConfigureAwait(false);
            record.StatusCode = context.Response.StatusCode;
        };
}
