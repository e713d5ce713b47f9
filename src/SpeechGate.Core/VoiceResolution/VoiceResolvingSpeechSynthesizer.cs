using Microsoft.Extensions.Logging;
using SpeechGate.Synthesis;

namespace SpeechGate.VoiceResolution;

/// <summary>
/// The outermost stage: sends each request as <see cref="SpeechRequestResolver"/> resolves it (aliases to pinned stable
/// ids with their defaults, dev mode to local voices, provider and tenant filled in), and retries a
/// <c>voice_not_found</c> with the next fallback before any audio byte is handed out.
/// </summary>
internal sealed partial class VoiceResolvingSpeechSynthesizer(
    ISpeechSynthesizer inner,
    SpeechRequestResolver resolver,
    RecentVoiceLog? recentVoices,
    ILogger<VoiceResolvingSpeechSynthesizer> logger)
    : DelegatingSpeechSynthesizer(inner)
{
    public override async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidates = resolver.ResolveCandidates(request);
        for (var i = 0; ; i++)
        {
            var attempt = candidates[i].Request;
            var isLast = i == candidates.Count - 1;
            try
            {
                var audio = await Inner.SynthesizeAsync(attempt, cancellationToken).ConfigureAwait(false);
                if (!isLast)
                {
                    // A provider may report a missing voice only when the body starts: look at the first chunk
                    // while a fallback can still take over.
                    audio = await FirstChunkPrefetch.StartAsync(audio, cancellationToken).ConfigureAwait(false);
                }

                recentVoices?.Record(attempt.Provider, attempt.VoiceId, candidates[i].Label);
                return audio with { ResolvedVoiceId = attempt.VoiceId, FallbackFromVoiceId = i > 0 ? candidates[0].Request.VoiceId : null };
            }
            catch (SpeechException error) when (error.Status == "voice_not_found" && !error.AfterAudioStarted && !isLast)
            {
                LogFallback(logger, attempt.VoiceId, request.VoiceId, candidates[i + 1].Label);
                VoiceResolutionMetrics.Fallbacks.Add(1,
                    new KeyValuePair<string, object?>("voice", request.VoiceId), new KeyValuePair<string, object?>("fallback", candidates[i + 1].Label));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voice {VoiceId} (requested as {Requested}) was not found; falling back to {Fallback}.")]
    private static partial void LogFallback(ILogger logger, string voiceId, string requested, string fallback);
}
