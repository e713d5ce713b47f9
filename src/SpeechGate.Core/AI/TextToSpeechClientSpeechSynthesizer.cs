using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using SpeechGate.Synthesis;

namespace SpeechGate.AI;

/// <summary>Uses any Microsoft.Extensions.AI <see cref="ITextToSpeechClient"/> as a SpeechGate provider.</summary>
/// <remarks>Audio is streamed through <see cref="ITextToSpeechClient.GetStreamingAudioAsync"/>; the client does not report cost, so it bills 0.</remarks>
[Experimental("MEAI001")]
internal sealed class TextToSpeechClientSpeechSynthesizer(ITextToSpeechClient client) : ISpeechSynthesizer
{
    public async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new TextToSpeechOptions
        {
            VoiceId = request.VoiceId,
            ModelId = request.ModelId,
            Language = request.LanguageCode,
            AudioFormat = request.Format.Name,
            Speed = request.VoiceSettings?.Speed is { } speed ? (float)speed : null,
        };

        // Start the stream now so that errors before the first byte surface here, as the contract asks.
        var updates = client.GetStreamingAudioAsync(request.Text, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var first = await NextAudioAsync(updates).ConfigureAwait(false);
        return new SpeechAudio(first?.MediaType ?? request.Format.MediaType, Remaining(first, updates, CancellationToken.None)) { Resource = updates };
    }

    private static async Task<DataContent?> NextAudioAsync(IAsyncEnumerator<TextToSpeechResponseUpdate> updates)
    {
        while (await updates.MoveNextAsync().ConfigureAwait(false))
        {
            if (updates.Current.Contents.OfType<DataContent>().FirstOrDefault() is { } data)
            {
                return data;
            }
        }

        return null;
    }

    private static async IAsyncEnumerable<AudioChunk> Remaining(
        DataContent? first, IAsyncEnumerator<TextToSpeechResponseUpdate> updates, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var data = first; data is not null; data = await NextAudioAsync(updates).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new AudioChunk(data.Data);
        }
    }
}
