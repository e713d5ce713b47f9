using System.Collections.Concurrent;

namespace SpeechGate.Server.Dashboard;

/// <summary>
/// The dashboard's and the playground's pages, scripts and stylesheet, shipped inside the gateway's assembly: nothing is
/// fetched from anywhere else at run time (the Content-Security-Policy says so to the browser too).
/// </summary>
internal static class PageAssets
{
    private const string Policy = "default-src 'self'; img-src 'self' data:; media-src 'self' blob:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapPageAsset(this IEndpointRouteBuilder endpoints, string path, string resource, string contentType)
    {
        endpoints.MapGet(path, (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = Policy;
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(Cache.GetOrAdd(resource, Load), contentType);
        });
        return endpoints;
    }

    private static byte[] Load(string resource)
    {
        using var stream = typeof(PageAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The gateway was built without its page asset {resource}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
