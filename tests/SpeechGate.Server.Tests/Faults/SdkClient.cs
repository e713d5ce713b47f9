using System.Net;

namespace SpeechGate.Server.Tests.Faults;

/// <summary>Calls the gateway the way the official SDKs do: up to 2 retries on 408, 409, 429 and 5xx (elevenlabs-api.md §11).</summary>
internal static class SdkClient
{
    public const int MaxRetries = 2;

    /// <summary>The final answer (status, body) and how many attempts were made; a broken body counts as a transport failure.</summary>
    public static async Task<SdkAnswer> SendAsync(HttpClient client, Func<HttpRequestMessage> request)
    {
        var attempts = 0;
        while (true)
        {
            attempts++;
            int status;
            byte[] body;
            try
            {
                using var message = request();
                using var response = await client.SendAsync(message);
                body = await response.Content.ReadAsByteArrayAsync();
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                // A connection the gateway aborted (a truncated body): the SDKs surface it; JS retries, Python does not.
                status = 0;
                body = [];
            }

            if (!IsRetried(status) || attempts > MaxRetries)
            {
                return new SdkAnswer(status, body, attempts);
            }
        }
    }

    public static bool IsRetried(int status) => status is 408 or 409 or 429 || status >= 500;

    internal sealed record SdkAnswer(int Status, byte[] Body, int Attempts)
    {
        public bool Ok => Status == (int)HttpStatusCode.OK;

        public string Text => System.Text.Encoding.UTF8.GetString(Body);
    }
}
