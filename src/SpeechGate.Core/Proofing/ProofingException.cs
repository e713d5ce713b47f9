using SpeechGate.Synthesis;

namespace SpeechGate.Proofing;

/// <summary>A request refused in strict mode: its text has proofing errors (422 <c>proofing_failed</c>).</summary>
public sealed class ProofingException : SpeechException
{
    /// <summary>Creates the exception listing <paramref name="findings"/> in its message.</summary>
    public ProofingException(IReadOnlyList<ProofFinding> findings)
        : base(422, "proofing_failed", Describe(findings))
    {
        Findings = findings;
        Param = "text";
        Type = "validation_error";
    }

    /// <summary>Creates the exception.</summary>
    public ProofingException()
        : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    public ProofingException(string message)
        : base(422, "proofing_failed", message)
    {
        Findings = [];
    }

    /// <summary>Creates the exception.</summary>
    public ProofingException(string message, Exception innerException)
        : base(422, "proofing_failed", message, innerException)
    {
        Findings = [];
    }

    /// <summary>The errors that refused the request.</summary>
    public IReadOnlyList<ProofFinding> Findings { get; }

    private static string Describe(IReadOnlyList<ProofFinding> findings)
        => findings.Count == 0
            ? "Proofing refused the text."
            : $"Proofing found {findings.Count} error(s) in the text: "
                + string.Join("; ", findings.Select(f => $"{f.Code} at character {f.Offset + 1}: {f.Message}" + (f.Suggestion is null ? "" : $" (suggestion: {f.Suggestion})")));
}
