using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SpeechGate.Server.Tests.Fakes;
using Xunit.Abstractions;

namespace SpeechGate.Server.Tests.Faults;

/// <summary>Issue 11, finding 8: a generated corpus of bad requests over raw TCP; none is answered with a 5xx.</summary>
public sealed class MalformedCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GeneratedCorpus_EveryRoute_NoBadRequestIsAnswered5xxOrNamesADotNetType()
    {
        await using var gateway = await TestGateway.StartAsync();
        var corpus = MalformedCorpus.Generate().ToList();
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();
        var withoutJson = 0;

        foreach (var (name, request) in corpus)
        {
            var (status, body) = await SendRawAsync(gateway.BaseAddress, request);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500 || status == 0)
            {
                failures.Add($"{status} {name}: {body[..Math.Min(body.Length, 300)]}");
            }

            // Some of the corpus is accepted as ElevenLabs' FastAPI server accepts it (unknown fields ignored, duplicate
            // keys: last wins, ignored query values); broken framing and oversize requests never are.
            string[] framing = ["bad chunk size", "bad length", "huge header", "long target", "many headers", "chunked and length"];
            if (status is < 400 && framing.Any(f => name.EndsWith(f, StringComparison.Ordinal)))
            {
                failures.Add($"{status} {name}: accepted");
            }

            if (status >= 400 && !IsElevenLabsShape(body))
            {
                withoutJson++;
            }

            if (body.Contains("System.", StringComparison.Ordinal) || body.Contains("SpeechGate.", StringComparison.Ordinal))
            {
                failures.Add($"{status} {name} names a .NET type: {body[..Math.Min(body.Length, 300)]}");
            }
        }

        output.WriteLine($"malformed corpus: {corpus.Count} requests; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; error answers without a JSON body: {withoutJson}");
        var refused = statuses.Where(s => s.Key is >= 400 and < 500).Sum(s => s.Value);
        Assert.True(refused >= corpus.Count / 2, $"only {refused} of {corpus.Count} requests were refused with a 4xx");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool IsElevenLabsShape(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("detail", out _) || json.RootElement.TryGetProperty("error", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Raw TCP so framing errors reach the server as sent; one connection per request, closed by the server after its
    // answer ("Connection: close"). The client does not half-close: Kestrel takes a FIN as the request being aborted.
    private static async Task<(int Status, string Body)> SendRawAsync(Uri address, byte[] request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(WithConnectionClose(request));
        }
        catch (IOException)
        {
            // The server refused before reading everything; its answer is still there to read.
        }

        using var reader = new MemoryStream();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await stream.CopyToAsync(reader, timeout.Token);
        }
        catch (IOException)
        {
            // A reset after the answer.
        }

        var text = Encoding.UTF8.GetString(reader.ToArray());
        var status = text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(text.AsSpan(9, 3), out var code) ? code : 0;
        var separator = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var body = separator < 0 ? "" : text[(separator + 4)..];
        if (text.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }

        return (status, body);
    }

    private static byte[] WithConnectionClose(byte[] request)
    {
        var host = "Host: t\r\n"u8;
        var at = request.AsSpan().IndexOf(host);
        return at < 0 ? request : [.. request.AsSpan(0, at + host.Length), .. "Connection: close\r\n"u8, .. request.AsSpan(at + host.Length)];
    }

    private static string Unchunk(string body)
    {
        var result = new StringBuilder();
        var position = 0;
        while (position < body.Length)
        {
            var end = body.IndexOf("\r\n", position, StringComparison.Ordinal);
            if (end < 0 || !int.TryParse(body.AsSpan(position, end - position), System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }

            result.Append(body, end + 2, Math.Min(size, body.Length - end - 2));
            position = end + 2 + size + 2;
        }

        return result.ToString();
    }
}
