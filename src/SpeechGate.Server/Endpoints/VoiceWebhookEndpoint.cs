using System.Text.Json;
using Microsoft.Extensions.Options;
using SpeechGate.Server.Errors;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.Endpoints;

/// <summary>
/// <c>POST /v1/speechgate/webhooks/elevenlabs</c>: ElevenLabs' workspace webhooks. No gateway key (ElevenLabs cannot send
/// one): the <c>ElevenLabs-Signature</c> HMAC over the raw body with <c>Voices:WebhookSecret</c> is the credential, within
/// 30 minutes. Voice removal notices, withdrawals and removals are recorded against the voice; other events are
/// acknowledged and ignored.
/// </summary>
internal static partial class VoiceWebhookEndpoint
{
    /// <summary>Largest webhook body read (events are small JSON documents).</summary>
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapVoiceWebhookEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/speechgate/webhooks/elevenlabs", HandleAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, IOptions<VoiceResolutionOptions> options, VoiceNoticeStore notices, TimeProvider time, ILogger<VoiceNoticeStore> logger)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                await ElevenLabsErrors.WriteDetailAsync(context, 413, "payload_too_large", $"A webhook body may be at most {MaxBodyBytes / 1024} KB.");
                return;
            }

            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        var now = time.GetUtcNow();
        if (ElevenLabsWebhook.Verify(context.Request.Headers[ElevenLabsWebhook.SignatureHeader].ToString(), body, options.Value.WebhookSecret, now) is { } refusal)
        {
            LogRefused(logger, refusal);
            await ElevenLabsErrors.WriteDetailAsync(context, 401, "invalid_signature", $"Webhook refused: {refusal}.");
            return;
        }

        (string Type, VoiceRemovalNotice Notice)? voiceEvent;
        try
        {
            voiceEvent = ElevenLabsWebhook.ReadVoiceEvent(body, now);
        }
        catch (JsonException error)
        {
            await ElevenLabsErrors.WriteDetailAsync(context, 400, "invalid_event", $"The webhook body is not an ElevenLabs event: {error.Message}");
            return;
        }

        if (voiceEvent is { } received)
        {
            var (type, notice) = received;
            await notices.ApplyAsync(type, notice, context.RequestAborted);
            context.RequestServices.GetService<VoiceHealthMonitor>()?.Invalidate();
            if (type == VoiceWebhookEvents.RemovalNoticeWithdrawn)
            {
                LogWithdrawn(logger, notice.VoiceId);
            }
            else
            {
                LogNotice(logger, notice.VoiceId, notice.VoiceName ?? "", notice.Describe());
            }
        }

        await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["status"] = "ok" }, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voice {VoiceId} ({VoiceName}): {Notice}. Pin a replacement or add a fallback before then; `speechgate voices check` lists what depends on it.")]
    private static partial void LogNotice(ILogger logger, string voiceId, string voiceName, string notice);

    [LoggerMessage(Level = LogLevel.Information, Message = "Voice {VoiceId}: removal notice withdrawn.")]
    private static partial void LogWithdrawn(ILogger logger, string voiceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ElevenLabs webhook refused: {Reason}.")]
    private static partial void LogRefused(ILogger logger, string reason);
}
