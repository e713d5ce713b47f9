using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using SpeechGate.Jobs;
using SpeechGate.Synthesis;
using SpeechGate.Voiceover.Rendering;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate jobs list | show NAME | run NAME [--now] | history NAME</c>: the render jobs <c>serve</c> runs.</summary>
internal static class JobsCommand
{
    public static Command Create(IServiceProvider services, CliContext context)
    {
        var command = new Command("jobs", "Render jobs (speechgate.json Jobs, jobs.yaml): list them, run one, see its runs.");
        command.Subcommands.Add(CreateList(services, context));
        command.Subcommands.Add(CreateShow(services, context));
        command.Subcommands.Add(CreateRun(services, context));
        command.Subcommands.Add(CreateHistory(services, context));
        return command;
    }

    private static Command CreateList(IServiceProvider services, CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("list", "List the configured jobs with their schedules and next runs.") { json };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var catalog = services.GetRequiredService<JobCatalog>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var rows = catalog.Jobs.Select(job => new
            {
                job.Name,
                Source = job.Script ?? job.Watch,
                Schedule = catalog.ScheduleOf(job).Text,
                TimeZone = catalog.ScheduleOf(job).TimeZone.Id,
                NextRunAt = catalog.ScheduleOf(job).Next(now),
                Project = job.EffectiveProject,
                Deliver = job.Deliver.Select(target => target.Name).ToList(),
            }).ToList();
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(rows, CliJson.Options));
                return ExitCodes.Success;
            }

            if (rows.Count == 0)
            {
                await context.Error.WriteLineAsync("no jobs: add them to speechgate.json (\"Jobs\": {\"NAME\": {…}}) or jobs.yaml");
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Job", "Script / watch", "Schedule", "Next run", "Delivers to");
            foreach (var row in rows)
            {
                table.AddRow(Markup.Escape(row.Name), Markup.Escape(row.Source ?? ""), Markup.Escape($"{row.Schedule} ({row.TimeZone})"),
                    row.NextRunAt?.ToString("u", CultureInfo.InvariantCulture) ?? "", Markup.Escape(string.Join(", ", row.Deliver)));
            }

            CliJson.Console(context).Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateShow(IServiceProvider services, CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The job's name." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("show", "Show a job's configuration, its next runs and its latest run.") { name, json };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var catalog = services.GetRequiredService<JobCatalog>();
            var job = Find(catalog, parse.GetValue(name)!);
            var schedule = catalog.ScheduleOf(job);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var next = new List<DateTimeOffset>();
            for (var at = schedule.Next(now); at is { } instant && next.Count < 3; at = schedule.Next(instant))
            {
                next.Add(instant);
            }

            var recent = await services.GetRequiredService<IJobRunStore>().ListAsync(job.Name, 1, cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new { job, schedule = schedule.Text, timeZone = schedule.TimeZone.Id, nextRuns = next, lastRun = recent.Count > 0 ? recent[0] : null }, CliJson.Options));
                return ExitCodes.Success;
            }

            var output = context.Output;
            await output.WriteLineAsync($"job:       {job.Name}");
            await output.WriteLineAsync(job.Script is not null ? $"script:    {job.Script}" : $"watch:     {job.Watch}");
            await output.WriteLineAsync($"schedule:  {schedule.Text} ({schedule.TimeZone.Id}){(schedule.IsCron ? $", catch-up {job.CatchUp}" : schedule.IsOnChange ? $", debounce {job.Debounce.TotalSeconds:0.###} s" : "")}");
            await output.WriteLineAsync($"project:   {job.EffectiveProject}");
            await output.WriteLineAsync($"render:    loudness {job.Loudness ?? "default"}, allow-partial {(job.AllowPartial ? "yes" : "no")}, require-lock {(job.RequireLock ? "yes" : "no")}");
            foreach (var target in job.Deliver)
            {
                await output.WriteLineAsync($"deliver:   {target.Name} ({target.Type}) {target.Path ?? target.Url ?? $"{target.Endpoint}/{target.Bucket}/{target.Prefix}"}");
            }

            foreach (var instant in next)
            {
                await output.WriteLineAsync($"next run:  {instant.ToString("u", CultureInfo.InvariantCulture)}");
            }

            if (recent.Count > 0)
            {
                await output.WriteLineAsync($"last run:  {Describe(recent[0])}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateRun(IServiceProvider services, CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The job's name." };
        var now = new Option<bool>("--now") { Description = "Render and deliver in this process now, instead of queueing the run for serve." };
        var json = new Option<bool>("--json") { Description = "Print the run as JSON." };
        var command = new Command("run", "Start a run of a job: queued for serve, or right here with --now.") { name, now, json };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var runs = services.GetRequiredService<JobRuns>();
            var job = Find(runs.Catalog, parse.GetValue(name)!);
            var run = await runs.CreateAsync(job, "manual:" + Guid.NewGuid().ToString("N"), JobRuns.ScriptOf(job), cancellationToken: cancellationToken)
                ?? throw new InvalidOperationException("A fresh occurrence already existed.");
            if (!parse.GetValue(now))
            {
                await Print(context, run, parse.GetValue(json), $"queued {run.Id}: a running `speechgate serve` picks it up (speechgate jobs history {job.Name})");
                return ExitCodes.Success;
            }

            if (services.GetService<IVoiceoverRenderer>() is null)
            {
                await context.Error.WriteLineAsync("warning: this build has no voiceover renderer; the run will fail (render_unavailable)");
            }

            var owner = $"cli:{Environment.ProcessId}";
            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<JobServiceOptions>>().Value;
            var claimed = await runs.Store.ClaimAsync(run.Id, owner, services.GetRequiredService<TimeProvider>().GetUtcNow(), options.LeaseDuration, cancellationToken)
                ?? throw new InvalidOperationException($"Run {run.Id} was taken by a server before this process could start it.");
            await context.Error.WriteLineAsync($"running {run.Id} ({job.Name})…");
            var finished = await services.GetRequiredService<JobRunner>().RunAsync(claimed, owner, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            await Print(context, finished, parse.GetValue(json), Describe(finished));
            return finished.Status == JobRunStatus.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }

    private static Command CreateHistory(IServiceProvider services, CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The job's name." };
        var limit = new Option<int>("--limit") { Description = "How many runs, newest first.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print JSON (with each delivery attempt)." };
        var command = new Command("history", "A job's runs, newest first: status, lines, credits, deliveries.") { name, limit, json };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var jobName = parse.GetValue(name)!;
            var store = services.GetRequiredService<IJobRunStore>();
            if (services.GetRequiredService<JobCatalog>().Find(jobName) is null && jobName != JobRuns.AdHocJob
                && (await store.ListAsync(jobName, 1, cancellationToken)).Count == 0)
            {
                throw new SpeechException(404, "job_not_found", $"No job named '{jobName}' is configured and none has run.") { Param = "name" };
            }

            if (parse.GetValue(limit) < 1)
            {
                throw SpeechException.Validation("limit", "--limit must be at least 1.");
            }

            var runs = await store.ListAsync(jobName, parse.GetValue(limit), cancellationToken);
            var deliveries = new Dictionary<string, IReadOnlyList<DeliveryAttempt>>(StringComparer.Ordinal);
            foreach (var run in runs)
            {
                deliveries[run.Id] = await store.GetDeliveryAttemptsAsync(run.Id, cancellationToken);
            }

            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(runs.Select(run => new { run, deliveries = deliveries[run.Id] }), CliJson.Options));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Run", "Created", "Status", "Lines", "Paid", "Credits", "Delivered", "Message");
            foreach (var run in runs)
            {
                var delivered = deliveries[run.Id].Where(a => a.Delivered).Select(a => a.Target);
                table.AddRow(run.Id, run.CreatedAt.ToString("u", CultureInfo.InvariantCulture), run.Status.ToString().ToLowerInvariant(),
                    $"{run.LinesDone}/{run.Lines}", $"{run.LinesPaid}", run.Credits.ToString("0.##", CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", delivered)), Markup.Escape(run.Message ?? ""));
            }

            CliJson.Console(context).Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static JobDefinition Find(JobCatalog catalog, string name)
        => catalog.Find(name) ?? throw new SpeechException(404, "job_not_found",
            $"No job named '{name}'{(catalog.Jobs.Count > 0 ? $" (configured: {string.Join(", ", catalog.Jobs.Select(j => j.Name))})" : "; none is configured")}.")
        { Param = "name" };

    private static async Task Print(CliContext context, JobRun run, bool json, string line)
    {
        if (json)
        {
            await context.Output.WriteLineAsync(JsonSerializer.Serialize(run, CliJson.Options));
        }
        else
        {
            await context.Output.WriteLineAsync(run.Id);
            await context.Error.WriteLineAsync(line);
        }
    }

    private static string Describe(JobRun run)
        => $"{run.Id} {run.Status.ToString().ToLowerInvariant()}: {run.LinesDone}/{run.Lines} lines, {run.LinesPaid} paid, " +
           $"{run.Credits.ToString("0.##", CultureInfo.InvariantCulture)} credits{(run.Message is null ? "" : " — " + run.Message)}";
}
