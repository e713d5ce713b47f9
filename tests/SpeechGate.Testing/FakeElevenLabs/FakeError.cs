namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>An error the fake answers, with the reference's codes and messages (elevenlabs-api.md §10).</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Status">Legacy status string.</param>
/// <param name="Message">Human-readable message.</param>
public sealed record FakeError(int StatusCode, string Status, string Message)
{
    /// <summary>Current-format code (defaults to <see cref="Status"/>).</summary>
    public string? Code { get; init; }

    /// <summary>Current-format type.</summary>
    public string? Type { get; init; }

    /// <summary>Parameter at fault.</summary>
    public string? Param { get; init; }

    /// <summary>No key.</summary>
    public static FakeError NeedsAuthorization() => new(401, "needs_authorization", "Neither authorization header nor xi-api-key received, please provide one.") { Type = "authentication_error", Code = "unauthorized" };

    /// <summary>Wrong key.</summary>
    public static FakeError InvalidApiKey() => new(401, "invalid_api_key", "Invalid API key") { Type = "authentication_error", Code = "unauthorized" };

    /// <summary>Quota exhausted (401, as upstream does).</summary>
    public static FakeError QuotaExceeded(long limit, long remaining, int required)
        => new(401, "quota_exceeded", $"This request exceeds your quota of {limit}. You have {remaining} credits remaining, while {required} credits are required for this request.") { Type = "authentication_error" };

    /// <summary>Unknown or removed voice.</summary>
    public static FakeError VoiceNotFound(string voiceId) => new(404, "voice_not_found", $"A voice with the voice_id {voiceId} was not found.") { Type = "not_found", Param = "voice_id" };

    /// <summary>Library voice on the free plan.</summary>
    public static FakeError PaidPlanRequired() => new(402, "payment_required", "Free users cannot use library voices via the API. Please upgrade your subscription to use this voice.") { Code = "paid_plan_required", Type = "payment_required" };

    /// <summary>Format above the plan.</summary>
    public static FakeError OutputFormatNotAllowed(string format, string tier)
        => new(403, "output_format_not_allowed", $"Requested output format {format} is only allowed for {tier} tier and above.") { Type = "authorization_error", Param = "output_format" };

    /// <summary>Text over the model's limit.</summary>
    public static FakeError MaxCharacterLimitExceeded(int length, int limit)
        => new(400, "max_character_limit_exceeded", $"This request's text has {length} characters and exceeds the character limit of {limit} characters for non signed in accounts.") { Type = "validation_error", Param = "text" };

    /// <summary>Unknown model (status string UNVERIFIED).</summary>
    public static FakeError ModelNotFound(string modelId) => new(400, "model_not_found", $"A model with model ID {modelId} does not exist.") { Type = "validation_error", Param = "model_id" };

    /// <summary>Account concurrency exceeded.</summary>
    public static FakeError TooManyConcurrentRequests(int limit)
        => new(429, "too_many_concurrent_requests", $"Too many concurrent requests. Your current subscription is associated with a maximum of {limit} concurrent requests (running in parallel). Please upgrade your subscription or reduce the number of concurrent requests.") { Code = "concurrent_limit_exceeded", Type = "rate_limit_error" };

    /// <summary>Upstream overloaded.</summary>
    public static FakeError SystemBusy() => new(429, "system_busy", "Our services are experiencing high levels of traffic and your request could not be processed at this time. Please try again later.") { Code = "rate_limit_exceeded", Type = "rate_limit_error" };

    /// <summary>Internal failure, not charged.</summary>
    public static FakeError SomethingWentWrong() => new(500, "something_went_wrong", "We are sorry, something went wrong. You are not charged for this request.") { Type = "internal_server_error" };

    /// <summary>Library voice already added.</summary>
    public static FakeError VoiceAlreadyCloned() => new(400, "voice_already_cloned", "You have already added this voice to your voices.") { Type = "validation_error" };
}
