using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using SpeechGate.Server.Endpoints.TextToSpeech;

namespace SpeechGate.Server.HotHits;

/// <summary>Which requests the hot path may try, and the bytes that identify one.</summary>
/// <remarks>
/// The identity is everything the full path reads to decide the audio: the path (voice, <c>/stream</c>), the query
/// (<c>output_format</c>…), the content type and the body, each length-prefixed so no two requests encode alike.
/// Headers that only label the answer (project, line id) are not part of it; the key is checked on every request.
/// </remarks>
internal static class HotHitRequest
{
    /// <summary>Larger bodies go down the full path (a text-to-speech body is a few hundred bytes).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private const string Prefix = "/v1/text-to-speech/";
    private const string StreamSuffix = "/stream";

    /// <summary>The body length when the hot path may try <paramref name="request"/>; otherwise -1.</summary>
    /// <remarks>
    /// Only the two audio routes, with a Content-Length body; never a bypass (it must be a new take) nor a CORS
    /// request (its response headers come from the CORS middleware).
    /// </remarks>
    public static int CandidateLength(HttpRequest request)
    {
        if (request.ContentLength is not { } length || length is <= 0 or > MaxBodyBytes || !HttpMethods.IsPost(request.Method)
            || !IsAudioRoute(request.Path.Value))
        {
            return -1;
        }

        var headers = request.Headers;
        return headers.ContainsKey(GatewayRequestContext.CacheHeader) || headers.ContainsKey("Origin") ? -1 : (int)length;
    }

    /// <summary>Encodes the request's identity into a pooled buffer; dispose the result to return it.</summary>
    public static Fingerprint Encode(HttpRequest request, in ReadOnlySequence<byte> body)
    {
        var path = request.Path.Value ?? "";
        var query = request.QueryString.Value ?? "";
        var contentType = request.ContentType ?? "";
        var max = Encoding.UTF8.GetMaxByteCount(path.Length + query.Length + contentType.Length) + (4 * sizeof(int)) + (int)body.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(max);
        var written = WriteText(buffer, 0, path);
        written = WriteText(buffer, written, query);
        written = WriteText(buffer, written, contentType);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(written), (int)body.Length);
        written += sizeof(int);
        body.CopyTo(buffer.AsSpan(written));
        return new Fingerprint(buffer, written + (int)body.Length);
    }

    private static bool IsAudioRoute(string? path)
    {
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path.AsSpan(Prefix.Length);
        if (rest.EndsWith(StreamSuffix, StringComparison.Ordinal))
        {
            rest = rest[..^StreamSuffix.Length];
        }

        return rest.Length > 0 && !rest.Contains('/');
    }

    private static int WriteText(byte[] buffer, int offset, string text)
    {
        var length = Encoding.UTF8.GetBytes(text, buffer.AsSpan(offset + sizeof(int)));
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(offset), length);
        return offset + sizeof(int) + length;
    }

    /// <summary>A request's identity in a rented buffer.</summary>
    public readonly struct Fingerprint(byte[] buffer, int length) : IDisposable
    {
        public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

        public byte[] ToArray() => Span.ToArray();

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }
}
