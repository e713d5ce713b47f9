using SpeechGate.Synthesis;

namespace SpeechGate.Proofing.Lexicons;

/// <summary>Makes a lexicon available to a provider that applies pronunciation dictionaries itself (ElevenLabs).</summary>
/// <remarks>Implementations publish each lexicon version once and must be safe for concurrent use.</remarks>
public interface ILexiconPublisher
{
    /// <summary>The provider this publisher serves, e.g. <c>elevenlabs</c>.</summary>
    string Provider { get; }

    /// <summary>The locator (dictionary id and version id) of <paramref name="lexicon"/>, uploading it first if needed.</summary>
    Task<PronunciationDictionaryLocator> PublishAsync(PronunciationLexicon lexicon, CancellationToken cancellationToken = default);
}
