using System.Globalization;
using System.Text.Json.Nodes;
using SpeechGate.Metering;
using SpeechGate.Observability;
using SpeechGate.Server.Endpoints;
using SpeechGate.Server.Observability;
using SpeechGate.VoiceResolution;

namespace SpeechGate.Server.Dashboard;

/// <summary>
/// What <c>/dashboard</c> shows, read from the ledger (spend, savings, hit rate, regenerations, the forecast), the budget
/// store, the provider quota, voice health and the meter's recent timings, with each chart rendered as SVG here.
/// </summary>
internal sealed class DashboardReport(IUsageLedger ledger, ObservedState state, SpeechGateMetrics metrics, TimeProvider time, IConfiguration configuration)
{
    public const int Days = 14;
    private const string Blue = "#2563eb";
    private const string Green = "#16a34a";
    private const string Amber = "#d97706";
    private const string Violet = "#7c3aed";

    public async Task<JsonObject> BuildAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var firstDay = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1 - Days), TimeSpan.Zero);
        var monthStart = SpendForecast.MonthStartOf(now);
        var byDay = await ledger.SummarizeAsync(LedgerGrouping.Day, firstDay, cancellationToken);
        var byProject = await ledger.SummarizeAsync(LedgerGrouping.Project, monthStart, cancellationToken);
        var budgets = await state.RefreshBudgetsAsync(cancellationToken);
        var quota = await state.RefreshQuotaAsync(cancellationToken);
        var voices = await state.RefreshVoicesAsync(configuration.GetValue(SpeechGateEndpoints.HealthMaxAgeKey, TimeSpan.FromMinutes(5)), cancellationToken);
        var forecast = SpendForecast.Project(byProject[0], now, quota);
        var days = Enumerable.Range(0, Days).Select(i => firstDay.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var daily = days.Select(day => byDay.Skip(1).FirstOrDefault(t => t.Group == day) ?? new LedgerTotals(day, 0, 0, 0, 0, 0, 0)).ToList();
        var timings = metrics.Timings.Summarize();
        var month = byProject[0];

        return new JsonObject
        {
            ["generated_at"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["month"] = Totals(month),
            ["days"] = new JsonArray([.. daily.Select(d => (JsonNode)Totals(d))]),
            ["forecast"] = Forecast(forecast),
            ["budgets"] = new JsonArray([.. budgets.Select(b => (JsonNode)new JsonObject
            {
                ["name"] = b.Budget.Name,
                ["mode"] = b.Budget.Mode.ToString().ToLowerInvariant(),
                ["limit_credits"] = b.Budget.LimitCredits,
                ["spent_credits"] = b.SpentCredits,
                ["remaining_credits"] = b.RemainingCredits,
            })]),
            ["quota"] = quota is null ? null : new JsonObject { ["limit_credits"] = quota.Limit, ["remaining_credits"] = quota.Remaining },
            ["voices"] = voices is null ? null : new JsonArray([.. voices.Voices.Select(Voice)]),
            ["timings"] = new JsonArray([.. timings.Select(t => (JsonNode)new JsonObject
            {
                ["model"] = t.Model,
                ["route"] = t.Route,
                ["calls"] = t.Calls,
                ["median_ms"] = Math.Round(t.MedianMilliseconds, 1),
                ["p95_ms"] = Math.Round(t.P95Milliseconds, 1),
            })]),
            ["render_runs"] = new JsonArray([.. metrics.Recent.Of("render").Select(Recent)]),
            ["deliveries"] = new JsonArray([.. metrics.Recent.Of("delivery").Select(Recent)]),
            ["charts"] = new JsonObject
            {
                ["spend"] = SvgChart.Columns("spend", $"Credits spent vs saved by the cache, last {Days} days", days,
                    [new ChartSeries("spent", Blue, [.. daily.Select(d => (double)d.SpentCredits)]), new ChartSeries("saved", Green, [.. daily.Select(d => (double)d.SavedCredits)])], Number),
                ["hit_rate"] = SvgChart.Columns("hit_rate", "Cache hit rate per day", days,
                    [new ChartSeries("hit rate", Green, [.. daily.Select(d => d.Requests == 0 ? 0 : Math.Round(100.0 * d.CacheHits / d.Requests, 1))])], v => $"{v:0}%"),
                ["regenerations"] = SvgChart.Bars("regenerations", "Thrown-away takes (regenerations) by project, this month",
                    [.. byProject.Skip(1).Where(p => p.WastedCredits > 0).Select(p => new ChartBar(p.Group ?? "(none)", p.WastedCredits, $"{Number(p.WastedCredits)} credits of {Number(p.SpentCredits)}"))],
                    Amber, "No regenerations this month"),
                ["ttfb"] = SvgChart.Bars("ttfb", "Upstream time to first byte by model and route (recent calls)",
                    [.. timings.Select(t => new ChartBar($"{t.Model} · {t.Route}", Math.Round(t.MedianMilliseconds, 1), $"p50 {t.MedianMilliseconds:0} ms · p95 {t.P95Milliseconds:0} ms · {t.Calls} calls"))],
                    Violet, "No provider calls yet"),
                ["budgets"] = SvgChart.Bars("budgets", "Budgets: spent of the limit, this period",
                    [.. budgets.Select(b => new ChartBar(b.Budget.Name, b.SpentCredits + b.ReservedCredits, $"{Number(b.RemainingCredits)} left of {Number(b.Budget.LimitCredits)} ({b.Budget.Mode.ToString().ToLowerInvariant()})", b.Budget.LimitCredits))],
                    Blue, "No budgets set"),
                ["forecast"] = SvgChart.Bars("forecast", $"Month-end forecast ({forecast.MonthEnd:yyyy-MM-dd})", ForecastBars(forecast), Blue),
            },
        };
    }

    private static List<ChartBar> ForecastBars(SpendForecast forecast)
    {
        var bars = new List<ChartBar>
        {
            new("Spent so far", forecast.SpentCredits, $"{Number(forecast.SpentCredits)} credits"),
            new("Projected by month end", forecast.ProjectedCredits, $"{Number(forecast.ProjectedCredits)} credits ({Number(forecast.DailyRate)}/day)", forecast.Quota?.Limit),
            new("Thrown-away takes (projected)", forecast.ProjectedWastedCredits, $"{Number(forecast.ProjectedWastedCredits)} credits ({forecast.RegenerationRate * 100:0}% of spend)"),
        };
        if (forecast.Quota is { } quota)
        {
            bars.Add(new ChartBar("Plan quota", quota.Limit, forecast.ProjectedQuotaLeft >= 0
                ? $"{Number(quota.Limit)}: {Number(forecast.ProjectedQuotaLeft ?? 0)} left at month end"
                : $"{Number(quota.Limit)}: runs out on {forecast.QuotaExhaustedOn:yyyy-MM-dd}"));
        }

        return bars;
    }

    private static JsonObject Totals(LedgerTotals totals) => new()
    {
        ["day"] = totals.Group,
        ["requests"] = totals.Requests,
        ["spent_credits"] = totals.SpentCredits,
        ["saved_credits"] = totals.SavedCredits,
        ["wasted_credits"] = totals.WastedCredits,
        ["cache_hits"] = totals.CacheHits,
        ["hit_rate"] = totals.Requests == 0 ? 0 : Math.Round((double)totals.CacheHits / totals.Requests, 4),
    };

    private static JsonObject Forecast(SpendForecast forecast) => new()
    {
        ["month_end"] = forecast.MonthEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["spent_credits"] = forecast.SpentCredits,
        ["daily_rate"] = Math.Round(forecast.DailyRate, 1),
        ["projected_credits"] = forecast.ProjectedCredits,
        ["regeneration_rate"] = Math.Round(forecast.RegenerationRate, 4),
        ["projected_wasted_credits"] = forecast.ProjectedWastedCredits,
        ["quota_limit"] = forecast.Quota?.Limit,
        ["projected_quota_left"] = forecast.ProjectedQuotaLeft,
        ["quota_exhausted_on"] = forecast.QuotaExhaustedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["text"] = forecast.Describe(),
    };

    private static JsonNode Voice(VoiceHealthEntry voice) => new JsonObject
    {
        ["name"] = voice.Name,
        ["voice_id"] = voice.VoiceId,
        ["status"] = voice.Status,
        ["healthy"] = SpeechGateGauges.IsHealthy(voice),
        ["message"] = voice.Message,
    };

    private static JsonNode Recent(RecentEvent recent) => new JsonObject
    {
        ["name"] = recent.Name,
        ["outcome"] = recent.Outcome,
        ["target"] = recent.Target,
        ["lines"] = recent.Lines,
        ["credits"] = recent.Credits,
        ["time"] = recent.Time.ToString("O", CultureInfo.InvariantCulture),
    };

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
