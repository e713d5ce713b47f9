using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using SpeechGate.Metering;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate ledger [--by …] [--since …] [--json]</c>: where the credits went.</summary>
internal static class LedgerCommand
{
    public static Command Create(IServiceProvider services, CliContext context)
    {
        var by = new Option<LedgerGrouping>("--by") { Description = "Group by key, project, voice, model or day.", DefaultValueFactory = _ => LedgerGrouping.None };
        var since = new Option<string?>("--since") { Description = "Only rows since a date (2026-11-01) or a span back from now (7d, 12h)." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var forecast = new Option<bool>("--forecast") { Description = "Add the month-end projection from this month's trend (regenerations included) against the plan's quota." };
        var command = new Command("ledger", "Show credits spent, saved by the cache and wasted on regenerations.") { by, since, json, forecast };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var from = ParseSince(parse.GetValue(since), services.GetRequiredService<TimeProvider>());

            // Charges a failed write left behind are written first (and abandoned reservations ended), or shown as waiting.
            var backlog = services.GetRequiredService<LedgerBacklog>();
            await backlog.DrainAsync(cancellationToken);
            var totals = await services.GetRequiredService<IUsageLedger>().SummarizeAsync(parse.GetValue(by), from, cancellationToken);
            var projection = parse.GetValue(forecast) ? await ForecastAsync(services, cancellationToken) : null;
            if (parse.GetValue(json))
            {
                var waiting = new { rows = backlog.PendingRows, credits = backlog.PendingCredits };
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new { total = totals[0], groups = totals.Skip(1), backlog = waiting, forecast = projection }, CliJson.Options));
                return ExitCodes.Success;
            }

            if (backlog.PendingRows > 0)
            {
                await context.Error.WriteLineAsync($"speechgate: {backlog.PendingRows} ledger rows ({backlog.PendingCredits} credits) are waiting in {backlog.Path} and not yet in these totals.");
            }

            var table = new Table().AddColumns("Group", "Requests", "Characters", "Spent", "Saved by cache", "Wasted", "Hits");
            foreach (var row in totals)
            {
                table.AddRow(Markup.Escape(row.Group ?? (ReferenceEquals(row, totals[0]) ? "TOTAL" : "(none)")), $"{row.Requests:N0}", $"{row.Characters:N0}",
                    $"{row.SpentCredits:N0}", $"{row.SavedCredits:N0}", $"{row.WastedCredits:N0}", $"{row.CacheHits:N0}");
            }

            CliJson.Console(context).Write(table);
            if (projection is not null)
            {
                await context.Output.WriteLineAsync(projection.Describe());
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    // The same projection as the dashboard's; the quota is read when the ElevenLabs provider is configured.
    private static async Task<SpendForecast> ForecastAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var quota = services.GetService<Budgeting.UpstreamQuota>() is { } upstream ? await upstream.GetCurrentAsync(cancellationToken) : null;
        return await SpendForecast.ForecastAsync(services.GetRequiredService<IUsageLedger>(), services.GetRequiredService<TimeProvider>().GetUtcNow(), quota, cancellationToken);
    }

    internal static DateTimeOffset? ParseSince(string? value, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > 1 && int.TryParse(value[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            try
            {
                TimeSpan? span = value[^1] switch { 'd' => TimeSpan.FromDays(amount), 'h' => TimeSpan.FromHours(amount), 'm' => TimeSpan.FromMinutes(amount), _ => null };
                if (span is { } back)
                {
                    return time.GetUtcNow() - back;
                }
            }
            catch (Exception error) when (error is ArgumentOutOfRangeException or OverflowException)
            {
                throw Synthesis.SpeechException.Validation("since", $"--since '{value}' reaches back before year 1.");
            }
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw Synthesis.SpeechException.Validation("since", $"--since '{value}' is neither a date (2026-11-01) nor a span (7d, 12h, 30m).");
    }
}
