using SpeechGate.Observability;

namespace SpeechGate.Server.Observability;

/// <summary>Counts every answered request by route pattern and status, hot hits included (it runs before them).</summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, SpeechGateMetrics metrics)
{
    private const string TextToSpeech = "/v1/text-to-speech/";

    public Task InvokeAsync(HttpContext context)
    {
        Task answered;
        try
        {
            answered = next(context);
        }
        catch
        {
            metrics.RecordRequest(RouteOf(context), context.Response.StatusCode);
            throw;
        }

        // A hit answered synchronously costs no state machine here.
        if (answered.IsCompletedSuccessfully)
        {
            metrics.RecordRequest(RouteOf(context), context.Response.StatusCode);
            return Task.CompletedTask;
        }

        return RecordWhenDoneAsync(answered, context);
    }

    private async Task RecordWhenDoneAsync(Task answered, HttpContext context)
    {
        try
        {
            await answered;
        }
        finally
        {
            metrics.RecordRequest(RouteOf(context), context.Response.StatusCode);
        }
    }

    // The route pattern, never the raw path (voice ids would make a series per voice); a hot hit has no endpoint.
    internal static string RouteOf(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint)
        {
            // A group's "" route has a trailing slash in its pattern; the path it matches has none.
            return endpoint.RoutePattern.RawText?.TrimEnd('/') ?? "unmatched";
        }

        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith(TextToSpeech, StringComparison.Ordinal))
        {
            return path.EndsWith("/stream", StringComparison.Ordinal) ? TextToSpeech + "{voice_id}/stream" : TextToSpeech + "{voice_id}";
        }

        return "unmatched";
    }
}
