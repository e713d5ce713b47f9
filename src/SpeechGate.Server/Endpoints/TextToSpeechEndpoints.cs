using SpeechGate.Server.Authentication;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Server.HotHits;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Endpoints;

/// <summary>ElevenLabs' four HTTP text-to-speech routes.</summary>
internal static class TextToSpeechEndpoints
{
    private enum Shape
    {
        Audio,
        Ndjson,
        TimestampsJson,
    }

    public static IEndpointRouteBuilder MapTextToSpeechEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/text-to-speech/{voice_id}");
        group.MapPost("", (HttpContext context, string voice_id) => HandleAsync(context, voice_id, streaming: false, Shape.Audio));
        group.MapPost("/stream", (HttpContext context, string voice_id) => HandleAsync(context, voice_id, streaming: true, Shape.Audio));
        group.MapPost("/with-timestamps", (HttpContext context, string voice_id) => HandleAsync(context, voice_id, streaming: false, Shape.TimestampsJson));
        group.MapPost("/stream/with-timestamps", (HttpContext context, string voice_id) => HandleAsync(context, voice_id, streaming: true, Shape.Ndjson));
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, string voiceId, bool streaming, Shape shape)
    {
        // Order as upstream: schema (422) first, then the key (401), then business limits (400…).
        var request = await TextToSpeechRequestReader.ReadAsync(context, voiceId, streaming, withTimestamps: shape != Shape.Audio);
        if (!await GatewayAuthorization.AuthorizeAsync(context))
        {
            return;
        }

        TextLimits.Ensure(request.Text, request.ModelId);
        request = GatewayRequestContext.Apply(context, request);

        var synthesizer = context.RequestServices.GetRequiredService<ISpeechSynthesizer>();
        var writer = context.RequestServices.GetRequiredService<SpeechResponseWriter>();
        await using var speech = await StartedSpeech.StartAsync(synthesizer, request, context.RequestAborted);

        // A stand-in's header is not part of what the hot path replays, so those answers always take the full path.
        if (!StandInVoiceHeader.Apply(context, request) && shape == Shape.Audio)
        {
            context.Features.Get<HotHitCandidate>()?.Remember(speech.Audio);
        }

        await (shape switch
        {
            Shape.Ndjson => writer.WriteNdjsonAsync(context, speech),
            Shape.TimestampsJson => SpeechResponseWriter.WriteTimestampsJsonAsync(context, speech),
            _ => writer.WriteAudioAsync(context, speech),
        });
    }
}
