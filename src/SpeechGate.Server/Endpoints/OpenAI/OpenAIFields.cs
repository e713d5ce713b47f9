using SpeechGate.Audio;
using SpeechGate.Server.Errors;
using SpeechGate.Server.Json;

namespace SpeechGate.Server.Endpoints.OpenAI;

/// <summary>Validation of the OpenAI speech body, reported in the gateway's 422 shape.</summary>
internal static class OpenAIFields
{
    public static (string Type, string Message) Describe(string field) => field switch
    {
        "speed" => ("float_type", "Input should be a valid number"),
        _ => ("string_type", "Input should be a valid string"),
    };

    public static AudioFormat Validate(OpenAISpeechBody body)
    {
        List<ValidationError> errors = [];
        Require(body.Model, "model", errors);
        Require(body.Input, "input", errors);
        Require(body.Voice, "voice", errors);
        var format = OpenAISpeechMapping.Format(body.ResponseFormat);
        if (format is null)
        {
            errors.Add(new(["body", "response_format"], "Input should be 'mp3', 'opus', 'aac', 'flac', 'wav' or 'pcm'", "enum"));
        }

        if (body.Speed is < 0.25 or > 4.0)
        {
            errors.Add(new(["body", "speed"], "Input should be between 0.25 and 4.0", body.Speed < 0.25 ? "greater_than_equal" : "less_than_equal"));
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : format!;
    }

    private static void Require(string? value, string field, List<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(new(["body", field], "Field required", "missing"));
        }
    }
}
