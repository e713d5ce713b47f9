namespace SpeechGate.Proofing.Lexicons;

/// <summary>What the lexicon stage leaves on the answers it handled.</summary>
public static class LexiconAnswers
{
    /// <summary>
    /// Set (to <see langword="true"/>) in <c>SpeechAudio.AdditionalProperties</c> on every answer to a request a lexicon
    /// applied to, whether or not a lexeme matched: the answer depends on a file that may be edited at any moment, so a
    /// cache that answers exact repeats without running this stage (the gateway's hot hits) must not remember it.
    /// </summary>
    public const string DependentProperty = "speechgate.lexicon_dependent";
}
