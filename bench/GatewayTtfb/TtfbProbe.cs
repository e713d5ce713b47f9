using System.Diagnostics;
using System.Text;

namespace SpeechGate.Bench.GatewayTtfb;

/// <summary>Times one streaming TTS call from sending the request to the first body byte.</summary>
internal sealed class TtfbProbe(HttpClient client, string? apiKey)
{
    private readonly byte[] _buffer = new byte[1];

    /// <summary>The request body for <paramref name="text"/> on the flash model.</summary>
    public static string Body(string text) => $$"""{"text":"{{text}}","model_id":"eleven_flash_v2_5"}""";

    public async Task<double> MeasureAsync(Uri url, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (apiKey is not null)
        {
            request.Headers.Add("xi-api-key", apiKey);
        }

        var start = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var read = await body.ReadAsync(_buffer);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (read == 0)
        {
            throw new InvalidOperationException("The response had no body.");
        }

        // Drain so the connection goes back to the pool, as a real client would.
        await body.CopyToAsync(Stream.Null);
        return elapsed;
    }
}
