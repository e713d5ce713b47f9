using System.Globalization;
using System.Text;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Which of the four text-to-speech endpoints a request goes to, and its query string.</summary>
/// <remarks>
/// Streamable formats use <c>/stream</c> (first bytes sooner); WAV is convert-only. With timestamps the answer is
/// JSON (convert) or NDJSON lines (stream).
/// </remarks>
internal sealed record ElevenLabsTextToSpeechRoute(string PathAndQuery, ElevenLabsResponseKind Kind)
{
    public static ElevenLabsTextToSpeechRoute For(SpeechRequest request)
    {
        var streamed = request.Format.IsStreamable;
        var suffix = (streamed, request.WithTimestamps) switch
        {
            (true, true) => "/stream/with-timestamps",
            (true, false) => "/stream",
            (false, true) => "/with-timestamps",
            (false, false) => string.Empty,
        };
        var kind = request.WithTimestamps
            ? streamed ? ElevenLabsResponseKind.TimestampLines : ElevenLabsResponseKind.TimestampJson
            : ElevenLabsResponseKind.Audio;

        var path = new StringBuilder("v1/text-to-speech/")
            .Append(Uri.EscapeDataString(request.VoiceId))
            .Append(suffix)
            .Append("?output_format=").Append(request.Format.Name);
        if (request.EnableLogging is { } logging)
        {
            path.Append("&enable_logging=").Append(logging ? "true" : "false");
        }

        if (request.OptimizeStreamingLatency is { } latency)
        {
            path.Append("&optimize_streaming_latency=").Append(latency.ToString(CultureInfo.InvariantCulture));
        }

        return new ElevenLabsTextToSpeechRoute(path.ToString(), kind);
    }
}
