using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using SpeechGate.Providers.ElevenLabs.Wire;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Text-to-speech over ElevenLabs' HTTP API: streams audio as it arrives, with billing metadata.</summary>
/// <remarks>
/// Returns once the first audio bytes are here; the rest of the clip is read while the caller enumerates. Retries only
/// while no 200 was received (a 200 is billed): a broken paid body is recovered from History, never bought again.
/// Holds a concurrency slot until the audio is read or disposed.
/// </remarks>
internal sealed partial class ElevenLabsSpeechSynthesizer(
    HttpClient http,
    ElevenLabsResilience resilience,
    ElevenLabsConcurrencyLimiter limiter,
    IOptions<ElevenLabsOptions> options,
    TimeProvider time,
    ILogger<ElevenLabsSpeechSynthesizer> logger) : ISpeechSynthesizer
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly ElevenLabsHistoryAudio _history = new(http);

    /// <inheritdoc/>
    public async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(options.Value.ApiKey))
        {
            throw new ElevenLabsException(401, "needs_authorization", $"No ElevenLabs API key is configured: set {ElevenLabsOptions.ApiKeyVariable}.");
        }

        // A realtime relay carries the request over its upstream WebSocket when it fits (same voice, model, format).
        if (request.Session is { Provider: ElevenLabsVoiceDirectory.ProviderName } session && session.CanServe(request))
        {
            return await session.SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var route = ElevenLabsTextToSpeechRoute.For(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(TextToSpeechBody.From(request), ElevenLabsJsonContext.Default.TextToSpeechBody);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(ElevenLabsResilience.ModelKey, request.ModelId);
            var attempt = new Attempt(this, request, route, body);
            return await resilience.Pipeline.ExecuteAsync(
                static (ctx, state) => state.SendAsync(ctx.CancellationToken),
                context,
                attempt).ConfigureAwait(false);
        }
        catch (Exception exception) when (ElevenLabsTransportFailure.Matches(exception, cancellationToken))
        {
            throw ElevenLabsTransportFailure.Wrap(exception);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<SpeechAudio> SendOnceAsync(SpeechRequest request, ElevenLabsTextToSpeechRoute route, byte[] body, CancellationToken cancellationToken)
    {
        var lease = await limiter.AcquireAsync(request.ModelId, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage? response = null;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, route.PathAndQuery)
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
            };
            await UpstreamCall.SendingAsync().ConfigureAwait(false);
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = await ElevenLabsErrorReader.ReadAsync(response, time, cancellationToken).ConfigureAwait(false);
                LogFailed(logger, (int)response.StatusCode, error.Status, error.RequestId);
                throw error;
            }

            return await StartAudioAsync(request, route, response, lease, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response?.Dispose();
            lease.Dispose();
            throw;
        }
    }

    private async Task<SpeechAudio> StartAudioAsync(SpeechRequest request, ElevenLabsTextToSpeechRoute route, HttpResponseMessage response, IDisposable lease, CancellationToken cancellationToken)
    {
        var stream = await ElevenLabsAudioStream.OpenAsync(response, lease, route.Kind, _history, cancellationToken).ConfigureAwait(false);
        LogStarted(logger, request.VoiceId, request.ModelId, stream.BilledCredits, stream.RequestId);
        if (stream.Recovered)
        {
            LogRecovered(logger, stream.HistoryItemId, stream.RequestId);
        }

        var mediaType = route.Kind == ElevenLabsResponseKind.Audio && response.Content.Headers.ContentType?.MediaType is { } type
            ? type
            : request.Format.MediaType;
        return new SpeechAudio(mediaType, stream.ReadAllAsync(CancellationToken.None))
        {
            BilledCharacters = stream.BilledCredits,
            RequestId = stream.RequestId,
            HistoryItemId = stream.HistoryItemId,
            ResolvedVoiceId = request.VoiceId,
            Resource = stream,
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "ElevenLabs TTS started: voice {VoiceId}, model {ModelId}, {Credits} credits, request {RequestId}")]
    private static partial void LogStarted(ILogger logger, string voiceId, string? modelId, int credits, string? requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ElevenLabs TTS body broke after it was billed; recovered from History item {HistoryItemId} (request {RequestId})")]
    private static partial void LogRecovered(ILogger logger, string? historyItemId, string? requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "ElevenLabs TTS failed: HTTP {StatusCode} {Status}, request {RequestId}")]
    private static partial void LogFailed(ILogger logger, int statusCode, string status, string? requestId);

    private sealed record Attempt(ElevenLabsSpeechSynthesizer Owner, SpeechRequest Request, ElevenLabsTextToSpeechRoute Route, byte[] Body)
    {
        public ValueTask<SpeechAudio> SendAsync(CancellationToken cancellationToken) => Owner.SendOnceAsync(Request, Route, Body, cancellationToken);
    }
}
