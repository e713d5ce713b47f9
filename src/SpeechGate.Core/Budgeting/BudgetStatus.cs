namespace SpeechGate.Budgeting;

/// <summary>A budget and what has been spent and reserved against it in the current period.</summary>
public sealed record BudgetStatus(Budget Budget, long SpentCredits, long ReservedCredits)
{
    /// <summary>Credits still available in this period (never negative).</summary>
    public long RemainingCredits => Math.Max(0, Budget.LimitCredits - SpentCredits - ReservedCredits);
}
