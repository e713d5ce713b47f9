using System.Text;

namespace SpeechGate.Server.Tests.Faults;

/// <summary>A generated corpus of bad requests: every route × broken bodies, queries, headers and HTTP framing.</summary>
internal static class MalformedCorpus
{
    public static readonly string[] PostRoutes =
    [
        "/v1/text-to-speech/voice1", "/v1/text-to-speech/voice1/stream", "/v1/text-to-speech/voice1/with-timestamps",
        "/v1/text-to-speech/voice1/stream/with-timestamps", "/v1/audio/speech", "/v1/speechgate/estimate",
    ];

    public static readonly string[] GetRoutes =
    [
        "/v1/voices", "/v2/voices", "/v1/voices/voice1", "/v1/models", "/v1/user", "/v1/user/subscription",
        "/v1/speechgate/ledger", "/v1/speechgate/voices/health", "/v1/text-to-speech/voice1/stream-input",
    ];

    /// <summary>Raw request bytes, each meant to be refused.</summary>
    public static IEnumerable<(string Name, byte[] Request)> Generate()
    {
        foreach (var route in PostRoutes)
        {
            foreach (var (name, body) in Bodies())
            {
                yield return ($"POST {route} {name}", Post(route, body));
            }

            foreach (var contentType in new[] { "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png", "application/jsonx", "" })
            {
                yield return ($"POST {route} content type '{contentType}'", Post(route, "{\"text\":\"hi\",\"input\":\"hi\"}"u8.ToArray(), contentType));
            }
            yield return ($"POST {route} bad chunk size", Raw($"POST {route} HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{{}}\r\n0\r\n\r\n"));
            yield return ($"POST {route} chunk longer than said", Raw($"POST {route} HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{{\"text\":\"hi\"}}\r\n0\r\n\r\n"));
            yield return ($"POST {route} chunked and length", Raw($"POST {route} HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
            yield return ($"POST {route} bad length", Raw($"POST {route} HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{{}}"));
            yield return ($"POST {route} long target", Raw($"POST {route}?x={new string('a', 10_000)} HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n"));
            yield return ($"POST {route} huge header", Raw($"POST {route} HTTP/1.1\r\nHost: t\r\nX-Big: {new string('b', 40_000)}\r\nContent-Length: 0\r\n\r\n"));
            yield return ($"POST {route} many headers", Raw($"POST {route} HTTP/1.1\r\nHost: t\r\n{string.Concat(Enumerable.Range(0, 150).Select(i => $"X-H{i}: v\r\n"))}Content-Length: 0\r\n\r\n"));
            if (route.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal))
            {
                foreach (var query in TextToSpeechQueries)
                {
                    yield return ($"POST {route}?{query}", Post($"{route}?{query}", "{\"text\":\"hi\"}"u8.ToArray()));
                }
            }
        }

        foreach (var suffix in new[] { "", "/stream", "/with-timestamps", "/stream/with-timestamps" })
        {
            foreach (var voice in new[] { "..", "%2E%2E", "a%20b", new string('v', 300), "%C0%AF", "voice%22" })
            {
                yield return ($"POST voice '{voice[..Math.Min(voice.Length, 12)]}'{suffix}", Post($"/v1/text-to-speech/{voice}{suffix}", "{\"text\":\"hi\"}"u8.ToArray()));
            }
        }

        foreach (var route in GetRoutes)
        {
            foreach (var method in new[] { "DELETE", "PUT", "PATCH" })
            {
                yield return ($"{method} {route}", Raw($"{method} {route} HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n"));
            }

            foreach (var query in Queries())
            {
                yield return ($"GET {route}?{query}", Raw($"GET {route}?{query} HTTP/1.1\r\nHost: t\r\n\r\n"));
            }

            yield return ($"GET {route} long target", Raw($"GET {route}?q={new string('a', 10_000)} HTTP/1.1\r\nHost: t\r\n\r\n"));
            yield return ($"GET {route} huge header", Raw($"GET {route} HTTP/1.1\r\nHost: t\r\nX-Big: {new string('b', 40_000)}\r\n\r\n"));
            yield return ($"GET {route} bad upgrade", Raw($"GET {route} HTTP/1.1\r\nHost: t\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 99\r\n\r\n"));
        }
    }

    private static IEnumerable<(string Name, byte[] Body)> Bodies()
    {
        string[] json =
        [
            "", "{", "}", "[]", "null", "42", "\"text\"", "{\"text\":", "{\"text\":\"hi\"", "{\"text\" \"hi\"}", "{'text':'hi'}",
            "{\"text\":\"hi\",\"text\":\"again\"}", "{\"text\":\"hi\",\"input\":\"hi\",\"input\":\"x\"}", "{\"script\":\"lines: 5\",\"script\":\"x\"}",
            "{\"text\":1e400}", "{\"text\":\"hi\",\"seed\":1e400}", "{\"text\":\"hi\",\"seed\":-1}", "{\"text\":\"hi\",\"seed\":99999999999999999999}",
            "{\"text\":\"hi\",\"speed\":\"fast\"}", "{\"text\":\"hi\",\"voice_settings\":{\"stability\":\"x\",\"speed\":[]}}",
            "{\"text\":\"hi\",\"model_id\":42}", "{\"text\":\"hi\",\"output_format\":\"mp3_1_1\"}", "{\"text\":\"hi\",\"pronunciation_dictionary_locators\":\"x\"}",
            "{\"text\":\"hi\",\"previous_request_ids\":{}}", "{\"text\":\"hi\",\"apply_text_normalization\":true}",
            "{\"input\":[],\"voice\":5,\"model\":null}", "{\"input\":\"hi\",\"voice\":\"alloy\",\"model\":\"tts-1\",\"speed\":100}",
            "{\"input\":\"hi\",\"voice\":\"alloy\",\"model\":\"tts-1\",\"response_format\":\"midi\"}",
            "{\"script\":\"lines:\\n  - text: [1, 2]\\n    speed: fast\"}", "{\"script\":\"lines: nope\"}", "{\"script\":\"- - - :\"}",
            "{\"script\":\"voice: [\"}", "{\"text\":\"hi\",\"script\":\"lines: []\"}", "{\"script\":\"lines:\\n  - text: hi\\n    voice_settings: {stability: high}\"}",
            new string('[', 5_000) + new string(']', 5_000), "{\"text\":\"" + new string('a', 200_000) + "\"}",
            "{\"text\":\"\\ud800\"}", "{\"text\":\"hi\"} trailing",
        ];
        foreach (var body in json)
        {
            yield return (Describe(body), Encoding.UTF8.GetBytes(body));
        }

        yield return ("invalid UTF-8 in a string", [.. "{\"text\":\""u8, 0xFF, 0xFE, 0xC3, .. "\",\"script\":\""u8, 0xC0, 0xAF, .. "\"}"u8]);
        yield return ("invalid UTF-8 outside strings", [0xFF, 0xFE, 0x00, 0x7B]);
        yield return ("binary", [.. Enumerable.Range(0, 256).Select(i => (byte)i)]);
    }

    private static readonly string[] TextToSpeechQueries =
    [
        "output_format=mp3_1_1", "output_format=", "output_format=%FF", "optimize_streaming_latency=99", "optimize_streaming_latency=abc",
        "optimize_streaming_latency=99999999999999999999", "enable_logging=maybe", "enable_logging=",
    ];

    private static IEnumerable<string> Queries() =>
    [
        "output_format=mp3_1_1", "output_format=", "optimize_streaming_latency=99", "optimize_streaming_latency=abc", "enable_logging=maybe",
        "page_size=-1", "page_size=99999999999999999999", "show_legacy=perhaps", "by=color", "by=1", "since=99999999999999999999",
        "since=9999999999999", "since=yesterday-ish", "since=-5", "model_id=%FF%FE", "voice_id=%00", "include_total_count=2",
        "sort=%ZZ", "next_page_token=" + new string('x', 3_000), "a=1&a=2&a=3", "%=%",
    ];

    private static string Describe(string body) => body.Length > 40 ? body[..40] + $"…({body.Length} chars)" : body;

    private static byte[] Post(string target, byte[] body, string contentType = "application/json")
        => [.. Encoding.ASCII.GetBytes($"POST {target} HTTP/1.1\r\nHost: t\r\n{(contentType.Length > 0 ? $"Content-Type: {contentType}\r\n" : "")}Content-Length: {body.Length}\r\n\r\n"), .. body];

    private static byte[] Raw(string request) => Encoding.UTF8.GetBytes(request);
}
