using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Errors;

/// <summary>Renders every failure in ElevenLabs' error shapes; unknown failures become 500 <c>something_went_wrong</c>.</summary>
internal sealed partial class GatewayExceptionHandler(ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                // The client went away: nobody is left to read an error, and it is not a server fault.
                httpContext.Response.StatusCode = 499;
                return true;
            case RequestValidationException validation:
                await ElevenLabsErrors.WriteValidationAsync(httpContext, validation.Errors);
                return true;
            case SpeechException speech:
                await ElevenLabsErrors.WriteSpeechExceptionAsync(httpContext, AfterPayment(speech));
                return true;
            case BadHttpRequestException bad:
                await WriteBadRequestAsync(httpContext, bad);
                return true;
            case Microsoft.Data.Sqlite.SqliteException state:
                // Only reached before anything was paid (after payment bookkeeping failures go to the ledger backlog):
                // a locked, full or broken state file is a temporary refusal, and retrying it costs nothing.
                LogStateUnavailable(logger, state.SqliteErrorCode, state.Message);
                httpContext.Response.Headers.RetryAfter = "5";
                await ElevenLabsErrors.WriteDetailAsync(httpContext, 503, "service_unavailable",
                    "The gateway's state database is busy or unavailable (locked, full or damaged); nothing was charged. Retry shortly.");
                return true;
            case JsonException:
                await ElevenLabsErrors.WriteValidationAsync(httpContext, [new ValidationError(["body"], "JSON decode error", "json_invalid")]);
                return true;
            default:
                LogUnhandled(logger, exception);
                await ElevenLabsErrors.WriteDetailAsync(httpContext, 500, "something_went_wrong",
                    "We are sorry, something went wrong. You are not charged for this request.");
                return true;
        }
    }

    /// <summary>
    /// The SDKs retry 5xx: once upstream audio was paid for, a retry pays again, so answer a status they do not retry.
    /// 424 Failed Dependency is our choice (ElevenLabs has no equivalent); the SDKs retry 408, 409 (Python), 429 and 5xx.
    /// </summary>
    internal static SpeechException AfterPayment(SpeechException exception)
        => exception is { StatusCode: >= 500 } && (exception.AfterAudioStarted || exception.BilledCredits > 0)
            ? new SpeechException(424, "stream_interrupted", exception.BilledCredits > 0
                ? $"{exception.Message} Retrying would be charged again."
                : "The provider's audio stream broke after it started; retrying would be charged again.", exception)
            : exception;

    private static Task WriteBadRequestAsync(HttpContext context, BadHttpRequestException exception)
        => exception.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? ElevenLabsErrors.WriteDetailAsync(context, 413, "payload_too_large", "The request body is larger than this gateway accepts.")
            : ElevenLabsErrors.WriteDetailAsync(context, exception.StatusCode, "bad_request", exception.Message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "State database unavailable before any upstream call (SQLite error {Code}: {Message}); answered 503")]
    private static partial void LogStateUnavailable(ILogger logger, int code, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled gateway failure")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
