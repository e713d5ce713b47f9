using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using SpeechGate.Budgeting;

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
        new Option<string?>("--key") { Description = "Gateway key id the budget limits." },
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
            var statuses = await services.GetRequiredService<IBudgetStore>().ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                var rows = statuses.Select(s => new { s.Budget.Name, Mode = s.Budget.Mode.ToString().ToLowerInvariant(), Limit = s.Budget.LimitCredits, Spent = s.SpentCredits, Reserved = s.ReservedCredits, Remaining = s.RemainingCredits });
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(rows, CliJson.Options));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Budget", "Mode", "Limit", "Spent", "Reserved", "Remaining");
            foreach (var s in statuses)
            {
                table.AddRow(Markup.Escape(s.Budget.Name), s.Budget.Mode.ToString().ToLowerInvariant(), $"{s.Budget.LimitCredits:N0}", $"{s.SpentCredits:N0}", $"{s.ReservedCredits:N0}", $"{s.RemainingCredits:N0}");
            }

            CliJson.Console(context).Write(table);
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
            var removed = await services.GetRequiredService<IBudgetStore>().RemoveAsync(scope, subject, parse.GetValue(period), cancellationToken);
            await (removed ? context.Output : context.Error).WriteLineAsync(removed ? "removed" : "error: no such budget");
            return removed ? ExitCodes.Success : ExitCodes.InvalidInput;
        }));
        return command;
    }

    private static (BudgetScope Scope, string Subject) Scope(string? key, string? project)
        => (key, project) switch
        {
            ({ Length: > 0 }, null) => (BudgetScope.Key, key),
            (null, { Length: > 0 }) => (BudgetScope.Project, project),
            _ => throw Synthesis.SpeechException.Validation("scope", "Give exactly one of --key or --project."),
        };
}
