using System.Globalization;
using SpeechGate.Budgeting;

namespace SpeechGate.Metering;

/// <summary>
/// A month-end projection from the ledger's trend: what this month has spent so far, continued at its average daily
/// rate to the last day of the month (UTC), with the observed share of credits thrown away on regenerations, against
/// the provider plan's quota. The dashboard and <c>speechgate ledger --forecast</c> both use <see cref="Project"/>.
/// </summary>
/// <param name="Now">When the projection was made.</param>
/// <param name="MonthStart">The first day of the month.</param>
/// <param name="MonthEnd">The last day of the month.</param>
/// <param name="ElapsedDays">Days of the month gone (fractional, at least one so a first hour does not extrapolate wildly).</param>
/// <param name="RemainingDays">Days left until the end of the month (fractional).</param>
/// <param name="SpentCredits">Credits spent this month so far.</param>
/// <param name="WastedCredits">Of those, credits thrown away on regenerations and re-buys.</param>
/// <param name="SavedCredits">Credits the cache saved this month so far.</param>
/// <param name="DailyRate">Average credits spent per day this month.</param>
/// <param name="ProjectedCredits">Credits spent by the end of the month at that rate.</param>
/// <param name="RegenerationRate">Share of spent credits that were thrown-away takes (0–1).</param>
/// <param name="ProjectedWastedCredits">Of the projected credits, those the regeneration rate says will be thrown away.</param>
/// <param name="Quota">The plan's quota now, when known.</param>
public sealed record SpendForecast(
    DateTimeOffset Now, DateOnly MonthStart, DateOnly MonthEnd, double ElapsedDays, double RemainingDays,
    long SpentCredits, long WastedCredits, long SavedCredits, double DailyRate, long ProjectedCredits,
    double RegenerationRate, long ProjectedWastedCredits, QuotaSnapshot? Quota)
{
    /// <summary>Quota credits left at the end of the month at this rate (negative: short by that much); null without a quota.</summary>
    public long? ProjectedQuotaLeft => Quota is { } quota ? quota.Remaining - (long)Math.Round(DailyRate * RemainingDays) : null;

    /// <summary>The day the quota runs out at this rate, if that is before the month ends.</summary>
    public DateOnly? QuotaExhaustedOn => Quota is { } quota && DailyRate > 0 && quota.Remaining < DailyRate * RemainingDays
        ? DateOnly.FromDateTime(Now.UtcDateTime.AddDays(quota.Remaining / DailyRate))
        : null;

    /// <summary>The first instant of <paramref name="now"/>'s month (UTC): what to summarize the ledger since.</summary>
    public static DateTimeOffset MonthStartOf(DateTimeOffset now) => new(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Projects from this month's ledger totals (<paramref name="month"/>: the grand total of rows since <see cref="MonthStartOf"/>).</summary>
    public static SpendForecast Project(LedgerTotals month, DateTimeOffset now, QuotaSnapshot? quota)
    {
        ArgumentNullException.ThrowIfNull(month);
        var start = MonthStartOf(now);
        var end = start.AddMonths(1);
        var elapsed = Math.Max(1, (now - start).TotalDays);
        var remaining = Math.Max(0, (end - now).TotalDays);
        var rate = month.SpentCredits / elapsed;
        var projected = month.SpentCredits + (long)Math.Round(rate * remaining);
        var regenerationRate = month.SpentCredits == 0 ? 0 : (double)month.WastedCredits / month.SpentCredits;
        return new SpendForecast(now, DateOnly.FromDateTime(start.UtcDateTime), DateOnly.FromDateTime(end.UtcDateTime.AddDays(-1)), elapsed, remaining,
            month.SpentCredits, month.WastedCredits, month.SavedCredits, rate, projected, regenerationRate,
            (long)Math.Round(projected * regenerationRate), quota);
    }

    /// <summary>Reads this month's totals from <paramref name="ledger"/> and projects them.</summary>
    public static async Task<SpendForecast> ForecastAsync(IUsageLedger ledger, DateTimeOffset now, QuotaSnapshot? quota, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var totals = await ledger.SummarizeAsync(LedgerGrouping.None, MonthStartOf(now), cancellationToken).ConfigureAwait(false);
        return Project(totals[0], now, quota);
    }

    /// <summary>One line for a terminal or a page.</summary>
    public string Describe()
    {
        var culture = CultureInfo.InvariantCulture;
        var line = string.Format(culture, "Month-end forecast ({0:yyyy-MM-dd}): {1:N0} credits ({2:N0} spent so far, {3:N0}/day); {4:0}% thrown away on regenerations (~{5:N0} credits)",
            MonthEnd, ProjectedCredits, SpentCredits, DailyRate, RegenerationRate * 100, ProjectedWastedCredits);
        if (Quota is { } quota)
        {
            line += ProjectedQuotaLeft >= 0
                ? string.Format(culture, "; quota {0:N0}, {1:N0} left at month end", quota.Limit, ProjectedQuotaLeft)
                : string.Format(culture, "; quota {0:N0} runs out on {1:yyyy-MM-dd}", quota.Limit, QuotaExhaustedOn);
        }

        return line + ".";
    }
}
