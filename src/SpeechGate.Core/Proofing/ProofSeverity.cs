namespace SpeechGate.Proofing;

/// <summary>How much a finding matters: errors refuse a request in <c>strict</c> mode and fail <c>speechgate proof</c>.</summary>
public enum ProofSeverity
{
    /// <summary>Worth knowing; the text is fine as it is.</summary>
    Info,

    /// <summary>Likely wasted credits or a misreading.</summary>
    Warning,

    /// <summary>The request would fail, be cut, or say something other than intended.</summary>
    Error,
}
