namespace SpeechGate.Budgeting;

/// <summary>An allowance of credits for one key or project per day or month.</summary>
public sealed record Budget(BudgetScope Scope, string Subject, BudgetPeriod Period, long LimitCredits, BudgetMode Mode)
{
    /// <summary>A readable name such as <c>project:promo/day</c>.</summary>
    public string Name => $"{Scope.ToString().ToLowerInvariant()}:{Subject}/{Period.ToString().ToLowerInvariant()}";

    /// <summary>The period bucket that <paramref name="now"/> falls in, e.g. <c>2026-11-21</c> or <c>2026-11</c>.</summary>
    public string PeriodKey(DateTimeOffset now)
        => Period == BudgetPeriod.Day
            ? now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : now.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
