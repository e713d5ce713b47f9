namespace SpeechGate.Synthesis;

/// <summary>A provider failed. Before payment (<see cref="SpeechException.AfterAudioStarted"/> false) nothing was billed and a retry is safe; after it, a retry pays again.</summary>
/// <remarks>The gateway mirrors the provider's status before payment and answers 424 <c>stream_interrupted</c> for a 5xx after it; the CLI exits 1 (2 for the provider's 4xx validation answers).</remarks>
public class UpstreamFailureException : SpeechException
{
    /// <summary>Creates the exception with the provider's status.</summary>
    public UpstreamFailureException(int statusCode, string status, string message, Exception? innerException = null)
        : base(statusCode, status, message, innerException)
    {
    }

    /// <summary>Creates an exception with status 500 <c>something_went_wrong</c>.</summary>
    public UpstreamFailureException()
        : this(500, "something_went_wrong", "The provider failed.")
    {
    }

    /// <summary>Creates an exception with status 500 <c>something_went_wrong</c>.</summary>
    public UpstreamFailureException(string message)
        : this(500, "something_went_wrong", message)
    {
    }

    /// <summary>Creates an exception with status 500 <c>something_went_wrong</c>.</summary>
    public UpstreamFailureException(string message, Exception innerException)
        : this(500, "something_went_wrong", message, innerException)
    {
    }

    /// <summary>Whether the provider had started (and billed) the answer when it failed.</summary>
    public bool AfterPayment => AfterAudioStarted;
}
