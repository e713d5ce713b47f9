using SpeechGate.Budgeting;
using SpeechGate.Metering;

namespace SpeechGate.Core.Tests.Metering;

public sealed class SpendForecastTests
{
    // 2026-11-11T00:00Z: ten days of a thirty-day month gone, twenty left.
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Project_TenDaysIn_ContinuesTheDailyRateToMonthEnd_WithTheRegenerationShare()
    {
        var month = new LedgerTotals(null, Requests: 50, Characters: 2000, SpentCredits: 1000, SavedCredits: 400, WastedCredits: 100, CacheHits: 20);

        var forecast = SpendForecast.Project(month, Now, new QuotaSnapshot(Used: 1000, Limit: 10_000, ResetsAt: null));

        Assert.Equal(new DateOnly(2026, 11, 30), forecast.MonthEnd);
        Assert.Equal(100, forecast.DailyRate);
        Assert.Equal(3000, forecast.ProjectedCredits);
        Assert.Equal(0.1, forecast.RegenerationRate, 6);
        Assert.Equal(300, forecast.ProjectedWastedCredits);
        Assert.Equal(9000 - 2000, forecast.ProjectedQuotaLeft);
        Assert.Null(forecast.QuotaExhaustedOn);
    }

    [Fact]
    public void Project_QuotaTooSmall_NamesTheDayItRunsOut()
    {
        var month = new LedgerTotals(null, 10, 1000, SpentCredits: 1000, SavedCredits: 0, WastedCredits: 0, CacheHits: 0);

        var forecast = SpendForecast.Project(month, Now, new QuotaSnapshot(Used: 9500, Limit: 10_000, ResetsAt: null));

        Assert.Equal(500 - 2000, forecast.ProjectedQuotaLeft);
        Assert.Equal(new DateOnly(2026, 11, 16), forecast.QuotaExhaustedOn);
        Assert.Contains("runs out on 2026-11-16", forecast.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Project_FirstHourOfTheMonth_CountsAtLeastOneDay()
    {
        var month = new LedgerTotals(null, 1, 100, SpentCredits: 100, SavedCredits: 0, WastedCredits: 0, CacheHits: 0);

        var forecast = SpendForecast.Project(month, new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.Zero), quota: null);

        Assert.Equal(100, forecast.DailyRate);
        Assert.Null(forecast.ProjectedQuotaLeft);
    }
}
