using System.CommandLine;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using SpeechGate.Audio;
using SpeechGate.Budgeting;
using SpeechGate.Synthesis;
using SpeechGate.Voiceover;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate estimate FILE|-</c>: exact credits a script or text would cost, before spending any.</summary>
internal static class EstimateCommand
{
    public static Command Create(IServiceProvider services, CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A text file, a YAML/JSON script, or '-' for standard input." };
        var model = new Option<string?>("--model", "-m") { Description = "Model id for lines that name none." };
        var voice = new Option<string?>("--voice", "-v") { Description = "Voice for lines that name none." };
        var provider = new Option<string?>("--provider", "-p") { Description = "Provider to price for." };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => AudioFormat.Default.Name };
        var key = new Option<string?>("--key") { Description = "Gateway key id whose budgets apply." };
        var project = new Option<string?>("--project") { Description = "Project whose budgets apply." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("estimate", "Price a text or script exactly before spending: characters, credits, minutes, cached, budgets left.")
            { file, model, voice, provider, format, key, project, json };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var path = parse.GetValue(file)!;
            var script = VoiceoverScriptReader.Parse(await ReadAsync(path, context, cancellationToken), path);
            var template = new SpeechRequest("", "") { Provider = parse.GetValue(provider), ModelId = parse.GetValue(model), Format = AudioFormat.Parse(parse.GetValue(format)), Project = parse.GetValue(project) };
            var requests = VoiceoverScriptReader.ToRequests(script, parse.GetValue(voice) ?? DefaultVoices.For(services, template.Provider), template);
            var estimate = await services.GetRequiredService<SpendEstimator>().EstimateAsync(requests, parse.GetValue(key), script.Project ?? template.Project, cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(estimate, CliJson.Options));
            }
            else
            {
                Write(context, estimate);
            }

            return estimate.Budgets.Any(b => b.Mode == "hard" && b.RemainingAfter < 0) ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<string> ReadAsync(string path, CliContext context, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            using var reader = new StreamReader(context.OpenStandardInput(), Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken);
        }

        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : throw new FileNotFoundException($"No such file: {path}");
    }

    private static void Write(CliContext context, SpendEstimate estimate)
    {
        var console = CliJson.Console(context);
        console.WriteLine($"{estimate.Requests} lines, {estimate.Characters:N0} characters, ≈ {estimate.Minutes:0.##} min of audio");
        console.WriteLine($"{estimate.Credits:N0} credits; {estimate.CachedRequests} lines already cached ({estimate.CachedCredits:N0} credits free); {estimate.CreditsToSpend:N0} credits to spend");
        foreach (var budget in estimate.Budgets)
        {
            console.WriteLine($"budget {budget.Name} ({budget.Mode}): {budget.RemainingCredits:N0} left → {budget.RemainingAfter:N0} after{(budget.RemainingAfter < 0 ? "  (would be refused)" : "")}");
        }

        if (estimate.Quota is { } quota)
        {
            console.WriteLine($"upstream quota: {quota.RemainingCredits:N0} of {quota.LimitCredits:N0} left → {quota.RemainingAfter:N0} after");
        }
    }
}
