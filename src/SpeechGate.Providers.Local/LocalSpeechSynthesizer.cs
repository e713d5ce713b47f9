using Microsoft.Extensions.Options;
using SpeechGate.Models;
using SpeechGate.Providers.Local.Audio;
using SpeechGate.Providers.Local.Engine;
using SpeechGate.Providers.Local.Native;
using SpeechGate.Providers.Local.Voices;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.Local;

/// <summary>The offline provider: eSpeak NG in-process, encoded to any output format; costs no credits.</summary>
/// <remarks>Safe for concurrent use: each request leases its own engine copy and its own encoder.</remarks>
internal sealed class LocalSpeechSynthesizer(EspeakEngine engine, LocalVoiceCatalog voices, IOptions<LocalSpeechOptions> options) : ISpeechSynthesizer
{
    /// <summary>Raised after each sentence leaves the engine, with its index (lets tests observe streaming order).</summary>
    internal event Action<int>? SentenceSynthesized;

    public async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw SpeechException.Validation("text", "Text must not be empty.");
        }

        // The engine has one model and bills nothing, but a model id ElevenLabs would refuse is refused here too, so code
        // tried offline does not fail on its first paid call (same 400 as upstream, see the fake's ModelNotFound).
        if (request.ModelId is { } model && KnownModels.Find(model) is null)
        {
            throw new SpeechException(400, "model_not_found", $"A model with model ID {model} does not exist.") { Type = "validation_error", Param = "model_id" };
        }

        var rate = ToRate(request.VoiceSettings?.Speed);
        var tempo = Tempo(request.VoiceSettings?.Speed);
        var voice = await voices.FindAsync(request.VoiceId, cancellationToken).ConfigureAwait(false)
            ?? throw SpeechException.VoiceNotFound(request.VoiceId);
        CodecLibraries.Require(request.Format, engine.SampleRate);
        var session = new LocalSynthesisSession();
        var stream = new LocalSpeechStream(engine, options.Value, session, SentenceSynthesized);
        var chunks = stream.ReadAsync(request.Text, voice.Engine.Identifier, rate, tempo, request.Format, request.WithTimestamps, session.Token, CancellationToken.None);
        return new SpeechAudio(request.Format.MediaType, chunks)
        {
            BilledCharacters = 0,
            RequestId = Guid.NewGuid().ToString("N"),
            ResolvedVoiceId = voice.VoiceId,
            Resource = session,
        };
    }

    /// <summary>Below the engine's slowest rate, the rest of the slow-down is libsonic's: 0.25 is 80 wpm at tempo 0.55.</summary>
    internal static double Tempo(double? speed)
    {
        var wordsPerMinute = EspeakNative.RateNormal * (speed ?? 1.0);
        return wordsPerMinute < EspeakNative.RateMinimum ? wordsPerMinute / EspeakNative.RateMinimum : 1.0;
    }

    /// <summary>voice_settings.speed to words per minute: 175 × speed, within the engine's 80–990.</summary>
    internal static int ToRate(double? speed)
    {
        var value = speed ?? 1.0;
        if (!double.IsFinite(value) || value <= 0)
        {
            throw SpeechException.Validation("voice_settings.speed", "Speed must be a positive number.");
        }

        var rate = (int)Math.Round(EspeakNative.RateNormal * value, MidpointRounding.AwayFromZero);
        return Math.Clamp(rate, EspeakNative.RateMinimum, EspeakNative.RateMaximum);
    }
}
