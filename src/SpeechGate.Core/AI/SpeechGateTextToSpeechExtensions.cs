using System.Diagnostics.CodeAnalysis;
using SpeechGate.AI;
using SpeechGate.Synthesis;

namespace Microsoft.Extensions.AI;

/// <summary>Adapters between SpeechGate's <see cref="ISpeechSynthesizer"/> and <see cref="ITextToSpeechClient"/>.</summary>
[Experimental("MEAI001")]
public static class SpeechGateTextToSpeechExtensions
{
    /// <summary>Exposes the pipeline as an <see cref="ITextToSpeechClient"/>; <paramref name="defaultVoiceId"/> is used when options name no voice.</summary>
    public static ITextToSpeechClient AsTextToSpeechClient(this ISpeechSynthesizer synthesizer, string defaultVoiceId)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentException.ThrowIfNullOrEmpty(defaultVoiceId);
        return new SpeechSynthesizerTextToSpeechClient(synthesizer, defaultVoiceId);
    }

    /// <summary>Uses an <see cref="ITextToSpeechClient"/> as a provider inside a SpeechGate pipeline.</summary>
    public static ISpeechSynthesizer AsSpeechSynthesizer(this ITextToSpeechClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new TextToSpeechClientSpeechSynthesizer(client);
    }
}
