using System.Text.Json;
using SpeechGate.Server.Endpoints.TextToSpeech;
using SpeechGate.Server.Errors;
using SpeechGate.Server.Json;

namespace SpeechGate.Server.Endpoints.OpenAI;

/// <summary>Validation of the OpenAI speech body; rendered as OpenAI's 400 by <see cref="OpenAIErrors"/>.</summary>
internal static class OpenAIFields
{
    public static (string Type, string Message) Describe(string field) => field switch
    {
        "speed" => ("float_type", "Input should be a valid number"),
        "voice" => ("string_type", "Input should be a string or an object with an 'id'"),
        _ => ("string_type", "Input should be a valid string"),
    };

    /// <summary>The checked body: format, voice (either form), and whether to answer as server-sent events.</summary>
    public static (OpenAIResponseFormat Format, string Voice, bool Sse) Validate(OpenAISpeechBody body)
    {
        List<ValidationError> errors = [];
        Require(body.Model, "model", errors);
        Require(body.Input, "input", errors);
        var voice = Voice(body.Voice, errors);
        var name = body.ResponseFormat ?? "mp3";
        var format = OpenAISpeechMapping.Format(name);
        if (!OpenAISpeechMapping.FormatNames.Contains(name))
        {
            errors.Add(new(["body", "response_format"], $"'{name}' is not one of 'mp3', 'opus', 'aac', 'flac', 'wav' and 'pcm'", "enum"));
        }

        if (body.Speed is < OpenAISpeechMapping.MinimumSpeed or > OpenAISpeechMapping.MaximumSpeed)
        {
            errors.Add(new(["body", "speed"], "Input should be between 0.25 and 4.0", body.Speed < 0.25 ? "greater_than_equal" : "less_than_equal"));
        }

        if (body.StreamFormat is not (null or "audio" or "sse"))
        {
            errors.Add(new(["body", "stream_format"], $"'{body.StreamFormat}' is not one of 'sse' and 'audio'", "enum"));
        }

        return errors.Count > 0
            ? throw new RequestValidationException(errors)
            : (format ?? throw Unsupported(name), voice!, body.StreamFormat == "sse");
    }

    private static string? Voice(JsonElement? element, List<ValidationError> errors)
    {
        var voice = element switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Object } item when item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
            null or { ValueKind: JsonValueKind.Null } => null,
            _ => "",
        };
        if (voice is null)
        {
            errors.Add(new(["body", "voice"], "Field required", "missing"));
        }
        else if (voice.Length == 0 || VoiceIdRule.Check(voice) is not null)
        {
            errors.Add(new(["body", "voice"], "Input should be a voice name, a voice id or an object with an 'id'", "string_pattern_mismatch"));
        }

        return voice;
    }

    private static Synthesis.SpeechException Unsupported(string name)
        => new(400, "unsupported_value", $"response_format '{name}' is not supported by this gateway: no {name.ToUpperInvariant()} encoder is available. Use mp3, opus, flac, wav or pcm.")
        {
            Param = "response_format",
        };

    private static void Require(string? value, string field, List<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(new(["body", field], "Field required", "missing"));
        }
    }
}
