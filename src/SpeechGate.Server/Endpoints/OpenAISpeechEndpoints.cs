using System.Globalization;
using SpeechGate.Server.Authentication;
using SpeechGate.Server.Endpoints.OpenAI;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Server.Errors;
using SpeechGate.Server.Json;
using SpeechGate.Synthesis;
using SpeechGate.Voices;

namespace SpeechGate.Server.Endpoints;

/// <summary>OpenAI-compatible <c>POST /v1/audio/speech</c> on the same pipeline; auth by <c>Authorization: Bearer</c>.</summary>
/// <remarks>Errors on this route are OpenAI's shape (<see cref="OpenAIErrors"/>).</remarks>
internal static class OpenAISpeechEndpoints
{
    /// <summary>The speed the provider applied (OpenAI allows 0.25–4.0; a provider may cover less).</summary>
    public const string SpeedHeader = "x-speechgate-speed";

    public static IEndpointRouteBuilder MapOpenAISpeechEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(OpenAIErrors.Route, HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var body = await JsonBodyReader.ReadAsync(context.Request, GatewayJsonContext.Default.OpenAISpeechBody, OpenAIFields.Describe);
        var (format, voice, sse) = OpenAIFields.Validate(body);
        if (!await GatewayAuthorization.AuthorizeAsync(context))
        {
            return;
        }

        var model = OpenAISpeechMapping.Model(body.Model!)
            ?? throw new SpeechException(404, "model_not_found", $"The model `{body.Model}` does not exist or you do not have access to it.") { Param = "model" };
        TextLimits.Ensure(body.Input!, model);
        var resolver = context.RequestServices.GetRequiredService<SpeechRequestResolver>();
        var request = new SpeechRequest(body.Input!, await ResolveVoiceAsync(context, voice, resolver.ProviderOf(new SpeechRequest(body.Input!, voice))))
        {
            ModelId = model,
            Format = format.Upstream,
        };
        var speed = OpenAISpeechMapping.Speed(resolver.ProviderOf(request), body.Speed ?? 1.0);
        request = GatewayRequestContext.Apply(context, request with { VoiceSettings = body.Speed is null ? null : new VoiceSettings { Speed = speed } });
        var synthesizer = context.RequestServices.GetRequiredService<ISpeechSynthesizer>();
        await using var speech = await StartedSpeech.StartAsync(synthesizer, request, context.RequestAborted);
        context.Response.Headers[SpeedHeader] = speed.ToString("0.###", CultureInfo.InvariantCulture);
        StandInVoiceHeader.Apply(context, request);
        var writer = context.RequestServices.GetRequiredService<OpenAISpeechWriter>();
        await (sse ? writer.WriteEventsAsync(context, speech, format) : writer.WriteAudioAsync(context, speech, format));
    }

    private static async Task<string> ResolveVoiceAsync(HttpContext context, string voice, string provider)
    {
        if (!OpenAISpeechMapping.StockVoices.Contains(voice))
        {
            return voice;
        }

        var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
        if (configuration[$"OpenAI:Voices:{voice.ToLowerInvariant()}"] is { Length: > 0 } mapped)
        {
            return mapped;
        }

        var directory = context.RequestServices.GetKeyedService<IVoiceDirectory>(provider);
        var voices = directory is null ? [] : await directory.ListVoicesAsync(context.RequestAborted);
        return voices.Count > 0 ? voices[0].VoiceId : throw SpeechException.VoiceNotFound(voice);
    }
}
