using Microsoft.Extensions.Options;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Endpoints.OpenAI;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Server.Json;
using SpeechGate.Synthesis;
using SpeechGate.Voices;

namespace SpeechGate.Server.Endpoints;

/// <summary>OpenAI-compatible <c>POST /v1/audio/speech</c> on the same pipeline; auth by <c>Authorization: Bearer</c>.</summary>
internal static class OpenAISpeechEndpoints
{
    public static IEndpointRouteBuilder MapOpenAISpeechEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/audio/speech", HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var body = await JsonBodyReader.ReadAsync(context.Request, GatewayJsonContext.Default.OpenAISpeechBody, OpenAIFields.Describe);
        var format = OpenAIFields.Validate(body);
        if (!await GatewayAuthorization.AuthorizeAsync(context))
        {
            return;
        }

        var model = OpenAISpeechMapping.Model(body.Model!);
        TextLimits.Ensure(body.Input!, model);
        var request = new SpeechRequest(body.Input!, await ResolveVoiceAsync(context, body.Voice!))
        {
            ModelId = model,
            Format = format,

            // OpenAI allows 0.25–4.0; ElevenLabs documents 0.7–1.2, so clamp rather than fail upstream.
            VoiceSettings = body.Speed is { } speed ? new VoiceSettings { Speed = Math.Clamp(speed, 0.7, 1.2) } : null,
        };
        request = GatewayRequestContext.Apply(context, request);
        var synthesizer = context.RequestServices.GetRequiredService<ISpeechSynthesizer>();
        await using var speech = await StartedSpeech.StartAsync(synthesizer, request, context.RequestAborted);
        await context.RequestServices.GetRequiredService<SpeechResponseWriter>().WriteAudioAsync(context, speech);
    }

    private static async Task<string> ResolveVoiceAsync(HttpContext context, string voice)
    {
        if (!OpenAISpeechMapping.StockVoices.Contains(voice))
        {
            VoiceIdRule.Ensure(voice);
            return voice;
        }

        var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
        if (configuration[$"OpenAI:Voices:{voice.ToLowerInvariant()}"] is { Length: > 0 } mapped)
        {
            return mapped;
        }

        var provider = context.RequestServices.GetRequiredService<IOptions<SpeechProviderOptions>>().Value.Default;
        var directory = context.RequestServices.GetKeyedService<IVoiceDirectory>(provider);
        var voices = directory is null ? [] : await directory.ListVoicesAsync(context.RequestAborted);
        return voices.Count > 0 ? voices[0].VoiceId : throw SpeechException.VoiceNotFound(voice);
    }
}
