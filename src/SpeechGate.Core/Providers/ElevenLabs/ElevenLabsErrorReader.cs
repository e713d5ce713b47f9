using System.Text.Json;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Turns an ElevenLabs error response, in any of its body formats, into an <see cref="ElevenLabsException"/>.</summary>
internal static class ElevenLabsErrorReader
{
    private const int MaxBodyChars = 16 * 1024;

    public static async Task<ElevenLabsException> ReadAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = string.Empty;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            // The status line is enough to classify the failure; a broken error body must not hide it.
        }

        var traceId = ElevenLabsHeaders.Read(response, ElevenLabsHeaders.TraceId) ?? ElevenLabsHeaders.Read(response, ElevenLabsHeaders.RequestId);
        var retryAfter = ElevenLabsRetryAfter.Read(response, time.GetUtcNow());
        return Parse((int)response.StatusCode, body, traceId, retryAfter);
    }

    public static ElevenLabsException Parse(int statusCode, string body, string? traceId, TimeSpan? retryAfter = null)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("detail", out var detail))
            {
                return detail.ValueKind switch
                {
                    JsonValueKind.Object => FromObject(statusCode, detail, traceId, retryAfter),
                    JsonValueKind.Array => FromArray(statusCode, detail, traceId, retryAfter),
                    JsonValueKind.String => new(statusCode, DefaultStatus(statusCode), detail.GetString() ?? string.Empty) { RequestId = traceId, RetryAfter = retryAfter },
                    _ => Unparsed(statusCode, body, traceId, retryAfter),
                };
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty body): fall through to the status line.
        }

        return Unparsed(statusCode, body, traceId, retryAfter);
    }

    private static ElevenLabsException FromObject(int statusCode, JsonElement detail, string? traceId, TimeSpan? retryAfter)
    {
        var code = Text(detail, "code");
        var status = Text(detail, "status") ?? code ?? DefaultStatus(statusCode);
        return new ElevenLabsException(statusCode, status, Text(detail, "message") ?? status)
        {
            Code = code,
            Type = Text(detail, "type"),
            Param = Text(detail, "param"),
            RequestId = Text(detail, "request_id") ?? traceId,
            RetryAfter = retryAfter,
        };
    }

    private static ElevenLabsException FromArray(int statusCode, JsonElement detail, string? traceId, TimeSpan? retryAfter)
    {
        var errors = new List<ElevenLabsValidationError>();
        foreach (var item in detail.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            var location = item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array
                ? string.Join('.', loc.EnumerateArray().Select(part => part.ToString()))
                : string.Empty;
            errors.Add(new ElevenLabsValidationError(location, Text(item, "msg") ?? string.Empty, Text(item, "type")));
        }

        var message = string.Join("; ", errors.Select(e => $"{e.Location}: {e.Message}"));
        var param = errors.Count > 0 ? errors[0].Location.Split('.')[^1] : null;
        return new ElevenLabsException(statusCode, "invalid_parameters", message.Length > 0 ? message : "Validation failed.")
        {
            Type = "validation_error",
            Code = "invalid_parameters",
            Param = param,
            RequestId = traceId,
            ValidationErrors = errors,
            RetryAfter = retryAfter,
        };
    }

    private static ElevenLabsException Unparsed(int statusCode, string body, string? traceId, TimeSpan? retryAfter)
    {
        var message = body.Length == 0 ? $"ElevenLabs answered HTTP {statusCode}." : body[..Math.Min(body.Length, MaxBodyChars)];
        return new(statusCode, DefaultStatus(statusCode), message) { RequestId = traceId, RetryAfter = retryAfter };
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string DefaultStatus(int statusCode) => statusCode switch
    {
        401 => "unauthorized",
        402 => "payment_required",
        403 => "forbidden",
        404 => "not_found",
        408 => "request_timeout",
        422 => "invalid_parameters",
        429 => "rate_limit_exceeded",
        >= 500 => "something_went_wrong",
        _ => "bad_request",
    };
}
