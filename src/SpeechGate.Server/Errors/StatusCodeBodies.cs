using Microsoft.AspNetCore.Diagnostics;

namespace SpeechGate.Server.Errors;

/// <summary>Gives bodiless error answers (unknown route, wrong method…) ElevenLabs' <c>{"detail":{…}}</c> body.</summary>
internal static class StatusCodeBodies
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var (status, message) = http.Response.StatusCode switch
        {
            404 => ("not_found", "Not Found"),
            405 => ("method_not_allowed", "Method Not Allowed"),
            413 => ("payload_too_large", "The request body is larger than this gateway accepts."),
            415 => ("unsupported_media_type", "Unsupported Media Type"),
            _ => ("error", "The request failed."),
        };
        return ElevenLabsErrors.WriteDetailAsync(http, http.Response.StatusCode, status, message);
    }
}
