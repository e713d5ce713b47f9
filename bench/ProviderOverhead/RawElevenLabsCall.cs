using System.Text;

namespace SpeechGate.Benchmarks;

/// <summary>The baseline: the same TTS stream request with a bare HttpClient, body read to the end.</summary>
internal sealed class RawElevenLabsCall : IDisposable
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"text":"Hello world, this is the overhead benchmark.","model_id":"eleven_flash_v2_5"}""");
    private readonly HttpClient _http;
    private readonly byte[] _buffer = new byte[16 * 1024];

    public RawElevenLabsCall(Uri baseAddress, string apiKey)
    {
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("xi-api-key", apiKey);
    }

    public async Task<long> SendAsync()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "v1/text-to-speech/21m00Tcm4TlvDq8ikWAM/stream?output_format=mp3_44100_128")
        {
            Content = new ByteArrayContent(Body) { Headers = { ContentType = new("application/json") } },
        };
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(_buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    public void Dispose() => _http.Dispose();
}
