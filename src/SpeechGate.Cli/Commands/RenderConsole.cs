using Spectre.Console;
using SpeechGate.Voiceover.Rendering;

namespace SpeechGate.Cli.Commands;

/// <summary>The render's live progress (on standard error) and its closing summary.</summary>
internal static class RenderConsole
{
    public static async Task<RenderResult> RunAsync(CliContext context, bool quiet, Func<IProgress<RenderProgress>?, Task<RenderResult>> render)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        if (quiet || !console.Profile.Capabilities.Interactive)
        {
            return await render(null);
        }

        RenderResult? result = null;
        await console.Progress().AutoClear(true).HideCompleted(true).StartAsync(async live =>
        {
            var task = live.AddTask("rendering", maxValue: 1);
            var progress = new Progress<RenderProgress>(p =>
            {
                task.MaxValue = p.Lines;
                task.Value = p.Done;
                task.Description = $"{p.Done}/{p.Lines} lines · {p.Cached} cached · {p.Paid} paid · {p.Failed} failed · {p.Credits:N0} credits";
            });
            result = await render(progress);
        });
        return result!;
    }

    public static void Summarize(CliContext context, RenderResult result)
    {
        var console = CliJson.Console(context);
        var plan = result.Plan!;
        if (result.Manifest is not { } manifest)
        {
            var table = new Table().AddColumns("line", "voice", "characters", "requests", "credits", "action");
            foreach (var line in plan.Lines)
            {
                table.AddRow(Markup.Escape(line.Id), Markup.Escape(line.Voice), $"{line.Characters:N0}", $"{line.Requests}", $"{line.Credits:N0}", line.Action);
            }

            console.Write(table);
            console.WriteLine($"{plan.Lines.Count} lines, {plan.Characters:N0} characters, {plan.Credits:N0} credits; {plan.CreditsToSpend:N0} credits to spend");
            foreach (var budget in plan.Budgets)
            {
                console.WriteLine($"budget {budget.Name} ({budget.Mode}): {budget.RemainingCredits:N0} left → {budget.RemainingAfter:N0} after");
            }

            return;
        }

        var summary = new Table().AddColumns("lines", "paid", "cached", "skipped", "credits", "track", "loudness", "true peak", "checks");
        summary.AddRow(
            $"{manifest.Totals.Lines}", $"{manifest.Totals.Paid}", $"{manifest.Totals.Cached}", $"{manifest.Totals.Skipped}", $"{manifest.Totals.Credits:N0}",
            $"{TimeSpan.FromMilliseconds(manifest.Track.DurationMs):mm\\:ss\\.f}", $"{manifest.Loudness.IntegratedLufs:0.0} LUFS", $"{manifest.Loudness.TruePeakDbtp:0.0} dBTP", $"{manifest.Checks.Count}");
        console.Write(summary);
        foreach (var check in manifest.Checks)
        {
            console.MarkupLine($"[yellow]check[/] {Markup.Escape(check.Line)} {check.Code}: {Markup.Escape(check.Message)}");
        }

        console.WriteLine($"wrote {result.OutputDirectory} (manifest sha256 {result.ManifestSha256[..12]}…)");
    }
}
