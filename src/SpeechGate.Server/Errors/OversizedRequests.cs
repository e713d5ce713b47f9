namespace SpeechGate.Server.Errors;

/// <summary>
/// Refuses over-long request targets (414) and headers (431) with ElevenLabs' JSON error body. Kestrel's own limits,
/// set well above these, answer such requests with an empty body; below them the gateway answers itself.
/// </summary>
internal static class OversizedRequests
{
    public const int MaxTargetBytes = 8 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;
    public const int MaxHeaderCount = 100;

    /// <summary>Kestrel's limits: past these it answers with an empty body before the gateway sees the request.</summary>
    public const int KestrelTargetBytes = 64 * 1024;
    public const int KestrelHeaderBytes = 128 * 1024;
    public const int KestrelHeaderCount = 400;

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if ((request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0) > MaxTargetBytes)
        {
            return ElevenLabsErrors.WriteDetailAsync(context, 414, "uri_too_long", $"The request target is longer than {MaxTargetBytes:N0} bytes.");
        }

        var count = 0;
        long size = 0;
        foreach (var (name, values) in request.Headers)
        {
            count += values.Count;
            size += name.Length + values.Sum(v => (long)(v?.Length ?? 0) + 4);
        }

        return count > MaxHeaderCount || size > MaxHeaderBytes
            ? ElevenLabsErrors.WriteDetailAsync(context, 431, "request_header_fields_too_large", $"The request headers exceed {MaxHeaderCount} fields or {MaxHeaderBytes:N0} bytes.")
            : next(context);
    }
}
