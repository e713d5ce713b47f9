namespace SpeechGate.Synthesis;

/// <summary>The request cannot be served as asked (a bad field, an unknown provider, text over the limit…); nothing was spent.</summary>
/// <remarks>The gateway answers 422 for <c>invalid_parameters</c> and 400 otherwise; the CLI exits 2.</remarks>
public sealed class InvalidSpeechRequestException : SpeechException
{
    /// <summary>The status of a field that fails validation.</summary>
    public const string InvalidParameters = "invalid_parameters";

    /// <summary>Creates the exception.</summary>
    /// <param name="status">ElevenLabs-style status, e.g. <c>invalid_parameters</c>, <c>unknown_provider</c>.</param>
    /// <param name="message">The message for the caller.</param>
    /// <param name="param">The request parameter at fault, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InvalidSpeechRequestException(string status, string message, string? param = null, Exception? innerException = null)
        : base(status == InvalidParameters ? 422 : 400, status, message, innerException)
    {
        Param = param;
    }
}
