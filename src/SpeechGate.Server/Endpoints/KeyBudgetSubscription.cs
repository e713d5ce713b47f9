using System.Text.Json.Nodes;
using SpeechGate.Budgeting;

namespace SpeechGate.Server.Endpoints;

/// <summary>
/// Shows a gateway key its own allowance in ElevenLabs' subscription shape, so SDK code that checks the quota sees the
/// key's budget (its monthly one, else its daily one) instead of the upstream account's.
/// </summary>
internal static class KeyBudgetSubscription
{
    public static async Task ApplyAsync(JsonObject? subscription, string? accountId, IBudgetStore budgets, TimeProvider time, CancellationToken cancellationToken)
    {
        if (subscription is null || accountId is null)
        {
            return;
        }

        var applicable = await budgets.GetApplicableAsync(accountId, project: null, cancellationToken);
        var own = applicable.Where(status => status.Budget.Scope == BudgetScope.Key)
            .OrderBy(status => status.Budget.Period == BudgetPeriod.Month ? 0 : 1)
            .FirstOrDefault();
        if (own is null)
        {
            return;
        }

        subscription["character_limit"] = own.Budget.LimitCredits;
        subscription["character_count"] = own.SpentCredits + own.ReservedCredits;
        subscription["next_character_count_reset_unix"] = PeriodEnd(own.Budget.Period, time.GetUtcNow()).ToUnixTimeSeconds();
        subscription["character_refresh_period"] = own.Budget.Period == BudgetPeriod.Month ? "monthly_period" : "daily_period";
    }

    /// <summary>When the current UTC day or month ends.</summary>
    public static DateTimeOffset PeriodEnd(BudgetPeriod period, DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return period == BudgetPeriod.Day
            ? new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1)
            : new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
    }
}
