using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Metering;
using SpeechGate.Testing;

namespace SpeechGate.Cli.Tests.Commands;

/// <summary>Issue 18: <c>speechgate ledger --forecast</c> prints the dashboard's month-end projection (one implementation, <see cref="SpendForecast"/>).</summary>
public sealed class LedgerForecastTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Forecast_PrintsTheProjectionAfterTheTable()
    {
        var run = await RunAsync("ledger", "--forecast");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Month-end forecast (2026-11-30): 3,000 credits (1,000 spent so far, 100/day); 10% thrown away on regenerations (~300 credits).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForecastJson_CarriesTheSameNumbers()
    {
        var run = await RunAsync("ledger", "--forecast", "--json");

        using var json = JsonDocument.Parse(run.Output);
        var forecast = json.RootElement.GetProperty("forecast");
        Assert.Equal(3000, forecast.GetProperty("projectedCredits").GetInt64());
        Assert.Equal(300, forecast.GetProperty("projectedWastedCredits").GetInt64());
    }

    private static Task<CliRun> RunAsync(params string[] args)
        => CliRun.InvokeAsync(new FakeSpeechSynthesizer(), new FakeVoiceDirectory("local"), services =>
        {
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
            services.AddSingleton<IUsageLedger>(new FixedLedger(new LedgerTotals(null, 50, 2000, SpentCredits: 1000, SavedCredits: 400, WastedCredits: 100, CacheHits: 20)));
        }, args);

    private sealed class FixedLedger(LedgerTotals month) : IUsageLedger
    {
        public Task<UsageRecord> AppendAsync(UsageRecord record, CancellationToken cancellationToken = default) => Task.FromResult(record);

        public Task<IReadOnlyList<LedgerTotals>> SummarizeAsync(LedgerGrouping grouping, DateTimeOffset? since, CancellationToken cancellationToken = default)
            => Task.FromResult<IReadOnlyList<LedgerTotals>>([month]);
    }
}
