using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SpeechGate.Audio;
using SpeechGate.Synthesis;

namespace SpeechGate.AI;

/// <summary>Exposes a SpeechGate pipeline as a Microsoft.Extensions.AI <see cref="ITextToSpeechClient"/>.</summary>
/// <remarks>
/// Options map as follows: <c>VoiceId</c>, <c>ModelId</c>, <c>Language</c> (language code), <c>AudioFormat</c>
/// (an ElevenLabs <c>output_format</c> value) and <c>Speed</c> (voice_settings.speed). Pitch and volume have no
/// ElevenLabs equivalent and are ignored.
/// </remarks>
[Experimental("MEAI001")]
internal sealed class SpeechSynthesizerTextToSpeechClient(ISpeechSynthesizer synthesizer, string defaultVoiceId) : ITextToSpeechClient
{
    private readonly TextToSpeechClientMetadata _metadata = new("speechgate");

    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = ToRequest(text, options);
        await using var audio = await synthesizer.SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await audio.ReadAllBytesAsync(cancellationToken).ConfigureAwait(false);
        return new TextToSpeechResponse([new DataContent(bytes, audio.MediaType)])
        {
            ResponseId = audio.RequestId,
            ModelId = request.ModelId,
            RawRepresentation = audio,
            Usage = new UsageDetails { InputTokenCount = audio.BilledCharacters },
        };
    }

    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(
        string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = ToRequest(text, options);
        await using var audio = await synthesizer.SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
        yield return new TextToSpeechResponseUpdate { Kind = TextToSpeechResponseUpdateKind.SessionOpen, ResponseId = audio.RequestId, ModelId = request.ModelId };
        await foreach (var chunk in audio.Chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return new TextToSpeechResponseUpdate([new DataContent(chunk.Audio, audio.MediaType)])
            {
                Kind = TextToSpeechResponseUpdateKind.AudioUpdating,
                ResponseId = audio.RequestId,
                ModelId = request.ModelId,
            };
        }

        yield return new TextToSpeechResponseUpdate { Kind = TextToSpeechResponseUpdateKind.AudioUpdated, ResponseId = audio.RequestId, ModelId = request.ModelId };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(TextToSpeechClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(synthesizer) ? synthesizer
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }

    private SpeechRequest ToRequest(string text, TextToSpeechOptions? options)
    {
        ArgumentNullException.ThrowIfNull(text);
        var request = new SpeechRequest(text, options?.VoiceId ?? defaultVoiceId)
        {
            ModelId = options?.ModelId,
            LanguageCode = options?.Language,
            Format = options?.AudioFormat is { } format ? AudioFormat.Parse(format) : AudioFormat.Default,
        };
        if (options?.Speed is { } speed)
        {
            request = request with { VoiceSettings = new VoiceSettings { Speed = Convert.ToDouble(speed, CultureInfo.InvariantCulture) } };
        }

        return request;
    }
}
