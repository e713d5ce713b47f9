namespace SpeechGate.Server.Errors;

/// <summary>Schema errors in a request, rendered as ElevenLabs' 422 array (before any auth check, as upstream).</summary>
internal sealed class RequestValidationException : Exception
{
    public RequestValidationException(IReadOnlyList<ValidationError> errors)
        : base(errors.Count > 0 ? errors[0].Msg : "Invalid request.")
        => Errors = errors;

    public RequestValidationException()
        : this([])
    {
    }

    public RequestValidationException(string message)
        : base(message) => Errors = [];

    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public IReadOnlyList<ValidationError> Errors { get; }

    public static RequestValidationException Single(string message, string type, params object[] loc)
        => new([new ValidationError(loc, message, type)]);
}
