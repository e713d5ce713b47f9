namespace SpeechGate.Budgeting;

/// <summary>What happens when a request would exceed the budget.</summary>
public enum BudgetMode
{
    /// <summary>Refuse with <c>budget_exceeded</c> before any upstream call.</summary>
    Hard,

    /// <summary>Serve, and warn in <c>x-speechgate-budget-warning</c>.</summary>
    Soft,
}
