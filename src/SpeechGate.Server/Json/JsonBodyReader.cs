using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SpeechGate.Server.Errors;

namespace SpeechGate.Server.Json;

/// <summary>Reads a JSON object body; every failure becomes a FastAPI-style 422 (never a 5xx).</summary>
internal static class JsonBodyReader
{
    private const string NotAnObject = "Input should be a valid dictionary or object to extract fields from";

    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, Func<string, (string Type, string Message)> describeField)
        where T : class
    {
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            throw RequestValidationException.Single(NotAnObject, "model_attributes_type", "body");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, typeInfo, request.HttpContext.RequestAborted)
                ?? throw RequestValidationException.Single(NotAnObject, "model_attributes_type", "body");
        }
        catch (JsonException exception)
        {
            throw ToValidation(exception, describeField);
        }
    }

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static RequestValidationException ToValidation(JsonException exception, Func<string, (string Type, string Message)> describeField)
    {
        // A syntax error wraps the reader's own (internal) exception type; a type mismatch has a path and no reader error.
        if (exception.InnerException?.GetType().Name == "JsonReaderException" || exception.Path is null)
        {
            return RequestValidationException.Single("JSON decode error", "json_invalid", "body", (int)(exception.BytePositionInLine ?? 0));
        }

        var loc = JsonPathLocation.Parse(exception.Path);
        if (loc.Count == 1)
        {
            return RequestValidationException.Single(NotAnObject, "model_attributes_type", "body");
        }

        var field = loc.LastOrDefault(part => part is string) as string ?? "body";
        var (type, message) = describeField(field);
        return new RequestValidationException([new ValidationError(loc, message, type)]);
    }
}
