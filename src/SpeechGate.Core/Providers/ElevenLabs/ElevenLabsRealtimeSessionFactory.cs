using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Opens relays over ElevenLabs' <c>multi-stream-input</c> WebSocket, one per client session.</summary>
internal sealed class ElevenLabsRealtimeSessionFactory(IOptions<ElevenLabsOptions> options, ILoggerFactory loggers) : ISpeechSessionFactory
{
    public ISpeechSession Open(SpeechRequest template)
        => new ElevenLabsRealtimeSession(options.Value, template, loggers.CreateLogger<ElevenLabsRealtimeSession>());
}
