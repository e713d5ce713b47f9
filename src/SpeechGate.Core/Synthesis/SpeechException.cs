namespace SpeechGate.Synthesis;

/// <summary>
/// The base of SpeechGate's failures: an ElevenLabs-style status string and message. The domain types derived from it
/// (<see cref="InvalidSpeechRequestException"/>, <see cref="VoiceNotFoundException"/>, <see cref="UpstreamFailureException"/>,
/// <c>BudgetExceededException</c>, <c>QuotaExceededException</c>) say what happened; the gateway maps them to HTTP answers
/// and the CLI to exit codes.
/// </summary>
public class SpeechException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SpeechException(int statusCode, string status, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Status = status;
    }

    /// <summary>Creates an exception with status 500 <c>something_went_wrong</c>.</summary>
    public SpeechException()
        : this(500, "something_went_wrong", "Speech synthesis failed.")
    {
    }

    /// <summary>Creates an exception with status 500 <c>something_went_wrong</c>.</summary>
    public SpeechException(string message)
        : this(500, "something_went_wrong", message)
    {
    }

    /// <summary>Creates an exception with status 500 <c>something_went_wrong</c>.</summary>
    public SpeechException(string message, Exception innerException)
        : this(500, "something_went_wrong", message, innerException)
    {
    }

    /// <summary>The ElevenLabs-equivalent HTTP status (401, 404, 422, 429…): a provider's own status, or the legacy hint of an untyped failure; the gateway maps the domain types itself.</summary>
    public int StatusCode { get; }

    /// <summary>ElevenLabs' legacy status string, e.g. <c>voice_not_found</c>.</summary>
    public string Status { get; }

    /// <summary>The current-format <c>code</c>, when it differs from <see cref="Status"/>.</summary>
    public string? Code { get; init; }

    /// <summary>The current-format <c>type</c>, e.g. <c>validation_error</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The request parameter at fault, if known.</summary>
    public string? Param { get; init; }

    /// <summary>The provider's request or trace id.</summary>
    public string? RequestId { get; init; }

    /// <summary>Whether any audio byte was handed to the caller before the failure (never retried then).</summary>
    public bool AfterAudioStarted { get; init; }

    /// <summary>Credits the provider billed for this failed call (a paid answer whose body broke); 0 when nothing was billed.</summary>
    /// <remarks>Such a failure is ledgered and settled as paid, and never answered with a status the SDKs retry.</remarks>
    public int BilledCredits { get; init; }

    /// <summary>A 422 validation error naming the parameter at fault.</summary>
    public static SpeechException Validation(string param, string message)
        => new InvalidSpeechRequestException(InvalidSpeechRequestException.InvalidParameters, message, param) { Type = "validation_error", Code = "invalid_parameters" };

    /// <summary>A 404 for a voice id no provider knows.</summary>
    public static SpeechException VoiceNotFound(string voiceId)
        => new VoiceNotFoundException(voiceId, $"A voice with the voice_id {voiceId} was not found.") { Type = "not_found" };
}
