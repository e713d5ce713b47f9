namespace SpeechGate.Proofing;

/// <summary>What the pipeline's proofing stage does to a request's text.</summary>
public enum ProofingMode
{
    /// <summary>The text passes untouched.</summary>
    Off,

    /// <summary>Billed noise (whitespace runs, blanks at the ends, invisible characters, NFC) is removed before the cache keys the text.</summary>
    Normalize,

    /// <summary>As <see cref="Normalize"/>, and a text with errors is refused (422 <c>proofing_failed</c>) before any money moves.</summary>
    Strict,
}
