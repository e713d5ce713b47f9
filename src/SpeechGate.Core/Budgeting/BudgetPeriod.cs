namespace SpeechGate.Budgeting;

/// <summary>How long a budget's allowance lasts; periods are calendar days and months in UTC.</summary>
public enum BudgetPeriod
{
    /// <summary>A UTC calendar day.</summary>
    Day,

    /// <summary>A UTC calendar month.</summary>
    Month,
}
