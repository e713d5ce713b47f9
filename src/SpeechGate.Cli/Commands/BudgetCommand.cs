using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using SpeechGate.Budgeting;
using SpeechGate.Hosting;
using SpeechGate.Metering;
using SpeechGate.Server.Authentication;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate budget set|show|remove</c>: credit allowances per gateway key or project.</summary>
internal static class BudgetCommand
{
    public static Command Create(IServiceProvider services, CliContext context)
    {
        var command = new Command("budget", "Set and show credit budgets per gateway key or project.");
        command.Subcommands.Add(CreateSet(services, context));
        command.Subcommands.Add(CreateShow(services, context));
        command.Subcommands.Add(CreateRemove(services, context));
        return command;
    }

    private static (Option<string?> Key, Option<string?> Project, Option<BudgetPeriod> Period) ScopeOptions() => (
        new Option<string?>("--key") { Description = "Gateway key (id or name) the budget limits." },
        new Option<string?>("--project") { Description = "Project tag the budget limits." },
        new Option<BudgetPeriod>("--period") { Description = "day or month (UTC).", DefaultValueFactory = _ => BudgetPeriod.Month });

    private static Command CreateSet(IServiceProvider services, CliContext context)
    {
        var (key, project, period) = ScopeOptions();
        var credits = new Option<long>("--credits") { Description = "Credits allowed per period.", Required = true };
        var soft = new Option<bool>("--soft") { Description = "Warn instead of refusing when exceeded." };
        var command = new Command("set", "Create or replace a budget.") { key, project, period, credits, soft };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var (scope, subject) = Scope(parse.GetValue(key), parse.GetValue(project));
            if (scope == BudgetScope.Key)
            {
                subject = await ResolveKeyAsync(subject, cancellationToken);
            }

            if (parse.GetValue(credits) < 0)
            {
                throw Synthesis.SpeechException.Validation("credits", "--credits must be zero or more.");
            }

            var budget = new Budget(scope, subject, parse.GetValue(period), parse.GetValue(credits), parse.GetValue(soft) ? BudgetMode.Soft : BudgetMode.Hard);
            await services.GetRequiredService<IBudgetStore>().SetAsync(budget, cancellationToken);
            await context.Output.WriteLineAsync($"budget {budget.Name}: {budget.LimitCredits} credits ({budget.Mode.ToString().ToLowerInvariant()})");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateShow(IServiceProvider services, CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("show", "Show every budget and what is spent in the current period.") { json };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            // Abandoned reservations of crashed processes are ended first, so "Reserved" is what live calls hold.
            await services.GetRequiredService<LedgerBacklog>().DrainAsync(cancellationToken);
            var statuses = await services.GetRequiredService<IBudgetStore>().ListAsync(cancellationToken);
            var seen = await SeenSubjectsAsync(services, cancellationToken);
            if (parse.GetValue(json))
            {
                var rows = statuses.Select(s => new
                {
                    s.Budget.Name,
                    Mode = s.Budget.Mode.ToString().ToLowerInvariant(),
                    Limit = s.Budget.LimitCredits,
                    Spent = s.SpentCredits,
                    Reserved = s.ReservedCredits,
                    Remaining = s.RemainingCredits,
                    Matched = seen.Contains((s.Budget.Scope, s.Budget.Subject)),
                });
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(rows, CliJson.Options));

                // Standard output stays pure JSON; the warning a person needs goes to standard error.
                foreach (var unmatched in statuses.Where(s => !seen.Contains((s.Budget.Scope, s.Budget.Subject))))
                {
                    await context.Error.WriteLineAsync($"note: budget {unmatched.Budget.Name} has never matched a request in the ledger; check its key or project");
                }

                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Budget", "Mode", "Limit", "Spent", "Reserved", "Remaining", "Traffic");
            foreach (var s in statuses)
            {
                var traffic = seen.Contains((s.Budget.Scope, s.Budget.Subject)) ? "matched" : "never matched";
                table.AddRow(Markup.Escape(s.Budget.Name), s.Budget.Mode.ToString().ToLowerInvariant(), $"{s.Budget.LimitCredits:N0}", $"{s.SpentCredits:N0}",
                    $"{s.ReservedCredits:N0}", $"{s.RemainingCredits:N0}", traffic);
            }

            CliJson.Console(context).Write(table);
            if (statuses.Any(s => !seen.Contains((s.Budget.Scope, s.Budget.Subject))))
            {
                await context.Error.WriteLineAsync("note: a budget no request has ever matched limits nothing yet (check the key id or the x-speechgate-project tag).");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateRemove(IServiceProvider services, CliContext context)
    {
        var (key, project, period) = ScopeOptions();
        var command = new Command("remove", "Remove a budget.") { key, project, period };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var (scope, subject) = Scope(parse.GetValue(key), parse.GetValue(project));
            if (scope == BudgetScope.Key && await FindKeyAsync(subject, cancellationToken) is { } found)
            {
                subject = found.Id;
            }

            var removed = await services.GetRequiredService<IBudgetStore>().RemoveAsync(scope, subject, parse.GetValue(period), cancellationToken);
            await (removed ? context.Output : context.Error).WriteLineAsync(removed ? "removed" : "error: no such budget");
            return removed ? ExitCodes.Success : ExitCodes.InvalidInput;
        }));
        return command;
    }

    /// <summary>A key budget binds to the key's id: a name is resolved, and a key that does not exist is refused.</summary>
    private static async Task<string> ResolveKeyAsync(string idOrName, CancellationToken cancellationToken)
        => (await FindKeyAsync(idOrName, cancellationToken))?.Id
            ?? throw Synthesis.SpeechException.Validation("key", $"No active gateway key has the id or name '{idOrName}' (see speechgate keys list).");

    private static async Task<GatewayKeyInfo?> FindKeyAsync(string idOrName, CancellationToken cancellationToken)
    {
        var keys = (await new GatewayKeyStore(SpeechGatePaths.DataDirectory).ListAsync(cancellationToken)).Where(k => k.IsActive).ToList();
        if (keys.FirstOrDefault(k => k.Id == idOrName) is { } byId)
        {
            return byId;
        }

        var byName = keys.Where(k => k.Name == idOrName).ToList();
        return byName.Count <= 1 ? byName.SingleOrDefault()
            : throw Synthesis.SpeechException.Validation("key", $"{byName.Count} active keys are named '{idOrName}': give the key id.");
    }

    // Keys and projects the ledger has seen: a budget on anything else has never limited a request.
    private static async Task<HashSet<(BudgetScope, string)>> SeenSubjectsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var ledger = services.GetRequiredService<IUsageLedger>();
        var keys = await ledger.SummarizeAsync(LedgerGrouping.Key, null, cancellationToken);
        var projects = await ledger.SummarizeAsync(LedgerGrouping.Project, null, cancellationToken);
        return
        [
            .. keys.Skip(1).Where(k => k.Group is not null).Select(k => (BudgetScope.Key, k.Group!)),
            .. projects.Skip(1).Where(p => p.Group is not null).Select(p => (BudgetScope.Project, p.Group!)),
        ];
    }

    private static (BudgetScope Scope, string Subject) Scope(string? key, string? project)
        => (key, project) switch
        {
            ({ Length: > 0 }, null) => (BudgetScope.Key, key),
            (null, { Length: > 0 }) => (BudgetScope.Project, project),
            _ => throw Synthesis.SpeechException.Validation("scope", "Give exactly one of --key or --project."),
        };
}
