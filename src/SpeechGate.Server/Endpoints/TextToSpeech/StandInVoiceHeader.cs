using SpeechGate.Providers.Local;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Endpoints.TextToSpeech;

/// <summary>Names the eSpeak NG voice that spoke when the local engine stood in for an ElevenLabs premade voice.</summary>
internal static class StandInVoiceHeader
{
    public const string Name = "x-speechgate-local-voice";

    /// <summary>Sets the header when the local provider will answer a premade id or name; returns whether it did.</summary>
    public static bool Apply(HttpContext context, SpeechRequest request)
    {
        var provider = context.RequestServices.GetRequiredService<SpeechRequestResolver>().ProviderOf(request);
        if (provider != LocalVoices.ProviderName || StockVoices.EngineVoiceFor(request.VoiceId) is not { } engineVoice)
        {
            return false;
        }

        context.Response.Headers[Name] = engineVoice;
        return true;
    }
}
