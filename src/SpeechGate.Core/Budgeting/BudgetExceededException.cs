using SpeechGate.Synthesis;

namespace SpeechGate.Budgeting;

/// <summary>A hard budget cannot afford the request; nothing was sent to the provider.</summary>
/// <remarks>The gateway answers 429 <c>budget_exceeded</c>; the CLI exits 1.</remarks>
public sealed class BudgetExceededException : SpeechException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="budget">The budget's name (e.g. <c>key:abc</c>).</param>
    /// <param name="remainingCredits">What the budget had left.</param>
    /// <param name="requiredCredits">What the request needs.</param>
    /// <param name="message">The message for the caller.</param>
    public BudgetExceededException(string budget, long remainingCredits, long requiredCredits, string message)
        : base(429, "budget_exceeded", message)
    {
        Budget = budget;
        RemainingCredits = remainingCredits;
        RequiredCredits = requiredCredits;
        Type = "rate_limit_error";
        Code = "budget_exceeded";
    }

    /// <summary>The budget that refused.</summary>
    public string Budget { get; }

    /// <summary>What the budget had left.</summary>
    public long RemainingCredits { get; }

    /// <summary>What the request needs.</summary>
    public long RequiredCredits { get; }
}
