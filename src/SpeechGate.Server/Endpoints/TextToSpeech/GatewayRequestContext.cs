using SpeechGate.Server.Authentication;
using SpeechGate.Synthesis;

namespace SpeechGate.Server.Endpoints.TextToSpeech;

/// <summary>Stamps a speech request with who asks and the SpeechGate request headers (project, line id, cache bypass).</summary>
internal static class GatewayRequestContext
{
    public const string ProjectHeader = "x-speechgate-project";
    public const string LineIdHeader = "x-speechgate-line-id";
    public const string CacheHeader = "x-speechgate-cache";

    /// <summary>The authenticated gateway key id; null in keyless local development.</summary>
    public static string? AccountId(HttpContext context)
        => GatewayAuthorization.KeyId(context.User) is { } keyId && keyId != GatewayAuthorization.LocalKeyId ? keyId : null;

    public static SpeechRequest Apply(HttpContext context, SpeechRequest request)
    {
        var headers = context.Request.Headers;
        return request with
        {
            AccountId = AccountId(context),
            Project = Project(headers) ?? request.Project,
            LineId = LineId(headers) ?? request.LineId,
            BypassCache = request.BypassCache || string.Equals(headers[CacheHeader].ToString(), "bypass", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>The <c>x-speechgate-project</c> header; null when absent or empty.</summary>
    public static string? Project(IHeaderDictionary headers) => NullIfEmpty(headers[ProjectHeader].ToString());

    /// <summary>The <c>x-speechgate-line-id</c> header; null when absent or empty.</summary>
    public static string? LineId(IHeaderDictionary headers) => NullIfEmpty(headers[LineIdHeader].ToString());

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
