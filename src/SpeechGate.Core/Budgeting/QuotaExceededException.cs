using SpeechGate.Synthesis;

namespace SpeechGate.Budgeting;

/// <summary>The provider account's character quota cannot afford the request; refused before calling the provider.</summary>
/// <remarks>The gateway answers as ElevenLabs does (401 <c>quota_exceeded</c>); the CLI exits 1.</remarks>
public sealed class QuotaExceededException : SpeechException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="remainingCredits">What the account has left.</param>
    /// <param name="requiredCredits">What the request needs.</param>
    /// <param name="message">The message for the caller.</param>
    public QuotaExceededException(long remainingCredits, long requiredCredits, string message)
        : base(401, "quota_exceeded", message)
    {
        RemainingCredits = remainingCredits;
        RequiredCredits = requiredCredits;
        Type = "payment_required";
        Code = "quota_exceeded";
    }

    /// <summary>What the account has left.</summary>
    public long RemainingCredits { get; }

    /// <summary>What the request needs.</summary>
    public long RequiredCredits { get; }
}
