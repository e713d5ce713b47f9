using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;
using SpeechGate.Server.HotHits;

namespace SpeechGate.Server.Tests.HotHits;

public sealed class HotHitRequestTests
{
    [Theory]
    [InlineData("POST", "/v1/text-to-speech/voice1", 40, 40)]
    [InlineData("POST", "/v1/text-to-speech/voice1/stream", 40, 40)]
    [InlineData("POST", "/v1/text-to-speech/voice1/with-timestamps", 40, -1)]
    [InlineData("POST", "/v1/text-to-speech/voice1/stream/with-timestamps", 40, -1)]
    [InlineData("POST", "/v1/text-to-speech/", 40, -1)]
    [InlineData("POST", "/v1/text-to-speech//stream", 40, -1)]
    [InlineData("POST", "/v1/text-to-speech/voice1/", 40, -1)]
    [InlineData("POST", "/v1/audio/speech", 40, -1)]
    [InlineData("GET", "/v1/text-to-speech/voice1", 40, -1)]
    [InlineData("POST", "/v1/text-to-speech/voice1", 0, -1)]
    [InlineData("POST", "/v1/text-to-speech/voice1", HotHitRequest.MaxBodyBytes, HotHitRequest.MaxBodyBytes)]
    [InlineData("POST", "/v1/text-to-speech/voice1", HotHitRequest.MaxBodyBytes + 1, -1)]
    public void CandidateLength_OnlyTheAudioRoutesWithASmallBody(string method, string path, long length, int expected)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.Path = path;
        request.ContentLength = length;

        Assert.Equal(expected, HotHitRequest.CandidateLength(request));
    }

    [Theory]
    [InlineData("x-speechgate-cache", "bypass")]
    [InlineData("x-speechgate-cache", "whatever")]
    [InlineData("Origin", "https://studio.example")]
    public void CandidateLength_BypassAndCorsRequestsAreNotCandidates(string header, string value)
    {
        var request = Post("/v1/text-to-speech/voice1", "", "{}");
        request.Headers[header] = value;

        Assert.Equal(-1, HotHitRequest.CandidateLength(request));
    }

    [Fact]
    public void CandidateLength_ChunkedBodyIsNotACandidate()
    {
        var request = Post("/v1/text-to-speech/voice1", "", "{}");
        request.ContentLength = null;

        Assert.Equal(-1, HotHitRequest.CandidateLength(request));
    }

    [Fact]
    public void Encode_SameRequestSameBytes()
    {
        Assert.Equal(Encode(Post("/v1/text-to-speech/a", "?output_format=mp3_44100_128", "{\"text\":\"x\"}")),
            Encode(Post("/v1/text-to-speech/a", "?output_format=mp3_44100_128", "{\"text\":\"x\"}")));
    }

    public static TheoryData<string, string, string, string?> Variations => new()
    {
        { "/v1/text-to-speech/b", "", "{\"text\":\"x\"}", "application/json" },
        { "/v1/text-to-speech/a/stream", "", "{\"text\":\"x\"}", "application/json" },
        { "/v1/text-to-speech/a", "?output_format=pcm_16000", "{\"text\":\"x\"}", "application/json" },
        { "/v1/text-to-speech/a", "", "{\"text\":\"y\"}", "application/json" },
        { "/v1/text-to-speech/a", "", "{\"text\":\"x\"}", "text/plain" },
        { "/v1/text-to-speech/a", "", "{\"text\":\"x\"}", null },
    };

    [Theory]
    [MemberData(nameof(Variations))]
    public void Encode_AnyDifferenceInPathQueryContentTypeOrBody_ChangesTheBytes(string path, string query, string body, string? contentType)
    {
        var variant = Post(path, query, body);
        variant.ContentType = contentType;

        Assert.NotEqual(Encode(Post("/v1/text-to-speech/a", "", "{\"text\":\"x\"}")), Encode(variant));
    }

    [Fact]
    public void Encode_PartsAreLengthPrefixed_SoMovingBytesBetweenThemChangesTheIdentity()
    {
        var left = Post("/v1/text-to-speech/ab", "", "{}");
        var right = Post("/v1/text-to-speech/a", "", "{}");
        right.ContentType = "bapplication/json";
        left.ContentType = "application/json";

        Assert.NotEqual(Encode(left), Encode(right));
    }

    private static HttpRequest Post(string path, string query, string body)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.Path = path;
        request.QueryString = new QueryString(query.Length == 0 ? null : query);
        request.ContentType = "application/json";
        request.ContentLength = Encoding.UTF8.GetByteCount(body);
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return request;
    }

    private static byte[] Encode(HttpRequest request)
    {
        var body = new ReadOnlySequence<byte>(((MemoryStream)request.Body).ToArray());
        using var fingerprint = HotHitRequest.Encode(request, body);
        return fingerprint.ToArray();
    }
}
