namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Fetches a generation's audio again from ElevenLabs' History (<c>GET /v1/history/{id}/audio</c>), which does not bill.</summary>
/// <remarks>
/// Used when a paid text-to-speech body broke: the clip upstream already charged for is read from History rather than
/// bought a second time. History keeps nothing for <c>enable_logging=false</c> (zero retention), so it can answer 404.
/// UNVERIFIED: which format History serves. The spec declares <c>audio/mpeg</c>; the audio is accepted only when its
/// content type is the one the original request asked for, so a different encoding is never passed off as the clip.
/// </remarks>
internal sealed class ElevenLabsHistoryAudio(HttpClient http)
{
    /// <summary>Opens the audio of <paramref name="historyItemId"/>; null when History cannot give the same clip.</summary>
    public async Task<HttpResponseMessage?> OpenAsync(string historyItemId, string expectedMediaType, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, $"v1/history/{Uri.EscapeDataString(historyItemId)}/audio");
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode && string.Equals(response.Content.Headers.ContentType?.MediaType, expectedMediaType, StringComparison.OrdinalIgnoreCase))
            {
                var opened = response;
                response = null;
                return opened;
            }

            return null;
        }
        catch (Exception exception) when (ElevenLabsTransportFailure.Matches(exception, cancellationToken))
        {
            return null;
        }
        finally
        {
            response?.Dispose();
        }
    }
}
