using SpeechGate.Budgeting;
using SpeechGate.Synthesis;

namespace SpeechGate.Cli;

/// <summary>Process exit codes shared by every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The work failed (provider error, I/O error, unhealthy check).</summary>
    public const int Failure = 1;

    /// <summary>The input was wrong (bad option, unknown voice or format, empty text).</summary>
    public const int InvalidInput = 2;

    /// <summary>The exit code of a failure: bad input is 2; a refusal (budget, quota) or a failed provider is 1.</summary>
    public static int Of(SpeechException error) => error switch
    {
        InvalidSpeechRequestException or VoiceNotFoundException => InvalidInput,
        BudgetExceededException or QuotaExceededException => Failure,

        // A provider's own 4xx (other than auth and rate limits) means the request was wrong.
        _ => error.StatusCode is >= 400 and < 500 and not 401 and not 429 ? InvalidInput : Failure,
    };
}
