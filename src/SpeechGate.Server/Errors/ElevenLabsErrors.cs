using System.Text.Json;
using SpeechGate.Budgeting;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Errors;

/// <summary>Writes errors in ElevenLabs' shapes: <c>{"detail":{…}}</c>, or the 422 array.</summary>
internal static class ElevenLabsErrors
{
    public const string TraceIdHeader = "x-trace-id";

    public static Task WriteDetailAsync(HttpContext context, int statusCode, string status, string message, string? type = null, string? param = null)
        => OpenAIErrors.Applies(context)
        ? OpenAIErrors.WriteAsync(context, statusCode, message, status, param)
        : WriteAsync(context, statusCode, writer =>
        {
            writer.WriteStartObject("detail");
            if (type is not null)
            {
                writer.WriteString("type", type);
            }

            writer.WriteString("code", status);
            writer.WriteString("status", status);
            writer.WriteString("message", message);
            writer.WriteString("request_id", context.TraceIdentifier);
            if (param is not null)
            {
                writer.WriteString("param", param);
            }

            writer.WriteEndObject();
        });

    public static Task WriteSpeechExceptionAsync(HttpContext context, SpeechException exception)
        => WriteDetailAsync(context, StatusOf(exception), exception.Status, exception.Message, exception.Type, exception.Param);

    /// <summary>The HTTP status of a domain failure, as ElevenLabs answers the same condition (elevenlabs-api.md §10).</summary>
    public static int StatusOf(SpeechException exception) => exception switch
    {
        BudgetExceededException => StatusCodes.Status429TooManyRequests,
        QuotaExceededException => StatusCodes.Status401Unauthorized, // ElevenLabs' quota_exceeded is a 401
        VoiceNotFoundException => StatusCodes.Status404NotFound,
        InvalidSpeechRequestException { Status: InvalidSpeechRequestException.InvalidParameters } => StatusCodes.Status422UnprocessableEntity,
        InvalidSpeechRequestException => StatusCodes.Status400BadRequest,

        // A provider's failure mirrors the provider's status (after payment the handler has already made it a 424).
        _ => exception.StatusCode,
    };

    public static Task WriteValidationAsync(HttpContext context, IReadOnlyList<ValidationError> errors)
        => OpenAIErrors.Applies(context)
        ? OpenAIErrors.WriteValidationAsync(context, errors)
        : WriteAsync(context, StatusCodes.Status422UnprocessableEntity, writer =>
        {
            writer.WriteStartArray("detail");
            foreach (var error in errors)
            {
                writer.WriteStartObject();
                writer.WriteStartArray("loc");
                foreach (var part in error.Loc)
                {
                    if (part is int index)
                    {
                        writer.WriteNumberValue(index);
                    }
                    else
                    {
                        writer.WriteStringValue(part.ToString());
                    }
                }

                writer.WriteEndArray();
                writer.WriteString("msg", error.Msg);
                writer.WriteString("type", error.Type);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    private static async Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> body)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        response.Headers[TraceIdHeader] = context.TraceIdentifier;
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}
