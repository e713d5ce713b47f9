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
        => exception is { AfterAudioStarted: true, StatusCode: >= 500 }
            ? new SpeechException(424, "stream_interrupted", "The provider's audio stream broke after it started; retrying would be charged again.", exception)
            : exception;

    private static Task WriteBadRequestAsync(HttpContext context, BadHttpRequestException exception)
        => exception.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? ElevenLabsErrors.WriteDetailAsync(context, 413, "payload_too_large", "The request body is larger than this gateway accepts.")
            : ElevenLabsErrors.WriteDetailAsync(context, exception.StatusCode, "bad_request", exception.Message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled gateway failure")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
