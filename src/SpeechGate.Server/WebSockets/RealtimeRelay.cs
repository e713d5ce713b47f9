using SpeechGate.Synthesis;

namespace SpeechGate.Server.WebSockets;

/// <summary>
/// Opens the provider's upstream session for a client WebSocket session (ElevenLabs: one <c>multi-stream-input</c>
/// connection relaying every segment that misses the cache); null for providers without one (the local engine).
/// </summary>
internal static class RealtimeRelay
{
    public const string Setting = "Gateway:RealtimeRelay";

    public static ISpeechSession? Open(HttpContext context, SpeechRequest template)
    {
        var services = context.RequestServices;
        if (!services.GetRequiredService<IConfiguration>().GetValue(Setting, defaultValue: true))
        {
            return null;
        }

        var provider = services.GetRequiredService<SpeechRequestResolver>().ProviderOf(template);
        return services.GetKeyedService<ISpeechSessionFactory>(provider)?.Open(template);
    }
}
