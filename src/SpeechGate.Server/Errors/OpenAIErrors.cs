using System.Text.Json;

namespace SpeechGate.Server.Errors;

/// <summary>
/// Errors on the OpenAI route in OpenAI's shape, <c>{"error":{"message","type","param","code"}}</c>, with schema errors as
/// 400 (the <c>openai</c> packages read <c>err.error.message</c>). Every writer of ElevenLabs' shapes defers to this one
/// for that route, so auth, rate limits, body limits and pipeline failures all answer alike.
/// </summary>
internal static class OpenAIErrors
{
    public const string Route = "/v1/audio/speech";

    public static bool Applies(HttpContext context) => context.Request.Path.StartsWithSegments(Route, StringComparison.OrdinalIgnoreCase);

    public static Task WriteAsync(HttpContext context, int statusCode, string message, string? code, string? param)
        => WriteCoreAsync(context, statusCode, TypeFor(statusCode, code), message, code, param);

    public static Task WriteValidationAsync(HttpContext context, IReadOnlyList<ValidationError> errors)
    {
        var error = errors.Count > 0 ? errors[0] : new ValidationError(["body"], "Invalid request.", "value_error");
        var param = error.Loc.Count > 1 ? string.Join('.', error.Loc.Skip(1)) : null;
        var (message, code) = error.Type switch
        {
            "missing" => ($"Missing required parameter: '{param}'.", "missing_required_parameter"),
            "json_invalid" => ("We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.", null),
            "model_attributes_type" => ("The request body must be a JSON object.", null),
            _ => ($"Invalid value for '{param}': {error.Msg}", "invalid_value"),
        };
        return WriteCoreAsync(context, StatusCodes.Status400BadRequest, "invalid_request_error", message, code, param);
    }

    // OpenAI's types: invalid_request_error for the caller's mistakes (auth included), insufficient_quota when money
    // runs out, requests for rate limits, server_error otherwise.
    private static string TypeFor(int statusCode, string? code) => statusCode switch
    {
        429 or 401 when code is "budget_exceeded" or "quota_exceeded" => "insufficient_quota",
        429 => "requests",
        >= 500 or 424 => "server_error",
        403 => "permission_error",
        _ => "invalid_request_error",
    };

    private static async Task WriteCoreAsync(HttpContext context, int statusCode, string type, string message, string? code, string? param)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        response.Headers[ElevenLabsErrors.TraceIdHeader] = context.TraceIdentifier;
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("message", message);
            writer.WriteString("type", type);
            WriteNullable(writer, "param", param);
            WriteNullable(writer, "code", code);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
