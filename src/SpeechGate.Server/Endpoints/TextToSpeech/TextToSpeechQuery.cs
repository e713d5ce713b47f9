using System.Globalization;
using SpeechGate.Audio;
using SpeechGate.Server.Errors;

namespace SpeechGate.Server.Endpoints.TextToSpeech;

/// <summary>The query of the text-to-speech routes: <c>output_format</c>, <c>enable_logging</c>, <c>optimize_streaming_latency</c>.</summary>
internal sealed record TextToSpeechQuery(AudioFormat Format, bool? EnableLogging, int? OptimizeStreamingLatency)
{
    public static TextToSpeechQuery Parse(IQueryCollection query, bool streaming, List<ValidationError> errors)
    {
        var format = ParseFormat(query["output_format"].ToString(), streaming, webSocket: false, errors);
        var logging = ParseBool(query, "enable_logging", errors);
        int? latency = null;
        if (query.TryGetValue("optimize_streaming_latency", out var latencyText) && latencyText.ToString().Length > 0)
        {
            if (!int.TryParse(latencyText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add(new(["query", "optimize_streaming_latency"], "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
            }
            else if (value is < 0 or > 4)
            {
                errors.Add(new(["query", "optimize_streaming_latency"], "Input should be less than or equal to 4", value < 0 ? "greater_than_equal" : "less_than_equal"));
            }
            else
            {
                latency = value;
            }
        }

        return new TextToSpeechQuery(format, logging, latency);
    }

    public static AudioFormat ParseFormat(string? value, bool streaming, bool webSocket, List<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return AudioFormat.Default;
        }

        if (AudioFormat.TryParse(value, out var format) && (!streaming || format.IsStreamable) && (!webSocket || format.IsWebSocketCapable))
        {
            return format;
        }

        var allowed = AudioFormat.AllNames.Where(name => AudioFormat.TryParse(name, out var f) && (!streaming || f.IsStreamable) && (!webSocket || f.IsWebSocketCapable));
        errors.Add(new(["query", "output_format"], "Input should be " + string.Join(", ", allowed.Select(name => $"'{name}'")), "enum"));
        return AudioFormat.Default;
    }

    public static bool? ParseBool(IQueryCollection query, string name, List<ValidationError> errors)
    {
        if (!query.TryGetValue(name, out var text) || text.ToString().Length == 0)
        {
            return null;
        }

        switch (text.ToString().ToUpperInvariant())
        {
            case "TRUE" or "1" or "YES" or "ON" or "T" or "Y":
                return true;
            case "FALSE" or "0" or "NO" or "OFF" or "F" or "N":
                return false;
            default:
                errors.Add(new(["query", name], "Input should be a valid boolean, unable to interpret input", "bool_parsing"));
                return null;
        }
    }
}
