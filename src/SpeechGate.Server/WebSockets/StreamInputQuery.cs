using System.Globalization;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Server.Errors;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.WebSockets;

/// <summary>The stream-input query: a request template (voice, model, format…), inactivity timeout and auto mode.</summary>
internal sealed record StreamInputQuery(SpeechRequest Template, TimeSpan InactivityTimeout, bool AutoMode, string? QueryKey)
{
    public static StreamInputQuery Parse(IQueryCollection query, string voiceId)
    {
        List<ValidationError> errors = [];
        if (VoiceIdRule.Check(voiceId) is { } voiceError)
        {
            errors.Add(voiceError);
        }

        var format = TextToSpeechQuery.ParseFormat(query["output_format"].ToString(), streaming: true, webSocket: true, errors);
        var logging = TextToSpeechQuery.ParseBool(query, "enable_logging", errors);
        var autoMode = TextToSpeechQuery.ParseBool(query, "auto_mode", errors) ?? false;
        var timeout = ParseInt(query, "inactivity_timeout", 20, 1, 180, errors);
        var seed = query["seed"].ToString() is { Length: > 0 } seedText ? ParseSeed(seedText, errors) : null;
        var normalization = query["apply_text_normalization"].ToString() is { Length: > 0 } n ? n : null;
        if (normalization is not (null or "auto" or "on" or "off"))
        {
            errors.Add(new(["query", "apply_text_normalization"], "Input should be 'auto', 'on' or 'off'", "enum"));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        // The Python SDK sends model_id=Ellipsis (its OMIT sentinel) when the caller names no model.
        var model = query["model_id"].ToString() is { Length: > 0 } m && m != "Ellipsis" ? m : null;
        var template = new SpeechRequest(string.Empty, voiceId)
        {
            ModelId = model,
            Format = format,
            LanguageCode = query["language_code"].ToString() is { Length: > 0 } language ? language : null,
            EnableLogging = logging,
            Seed = seed,
            ApplyTextNormalization = normalization,
            WithTimestamps = true,
        };
        return new StreamInputQuery(template, TimeSpan.FromSeconds(timeout), autoMode, StreamInputMessage.Bearer(query["authorization"].ToString() is { Length: > 0 } a ? a : null));
    }

    private static uint? ParseSeed(string text, List<ValidationError> errors)
    {
        if (uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            return seed;
        }

        errors.Add(new(["query", "seed"], "Input should be a valid integer between 0 and 4294967295", "int_parsing"));
        return null;
    }

    private static int ParseInt(IQueryCollection query, string name, int fallback, int min, int max, List<ValidationError> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(new(["query", name], $"Input should be an integer between {min} and {max}", "int_parsing"));
        return fallback;
    }
}
