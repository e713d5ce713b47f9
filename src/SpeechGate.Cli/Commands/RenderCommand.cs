using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpeechGate.Synthesis;
using SpeechGate.Voiceover.Rendering;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate render SCRIPT -o DIR</c>: plan, pay every line once, deliver clips, track, captions and manifest.</summary>
internal static class RenderCommand
{
    public static Command Create(IServiceProvider services, CliContext context)
    {
        var script = new Argument<string>("script") { Description = "Script: .txt, .yaml/.yml, .json, .srt, .vtt or .csv (speaker,line[,start,end])." };
        var output = new Option<string?>("--output", "-o") { Description = "Directory for the deliverables (replaced atomically)." };
        var provider = new Option<string?>("--provider", "-p") { Description = "Provider for every line." };
        var voice = new Option<string?>("--voice", "-v") { Description = "Voice (id or alias) for lines that name none." };
        var model = new Option<string?>("--model", "-m") { Description = "Model for lines that name none." };
        var format = new Option<string?>("--format", "-f") { Description = "Output format (mp3_*, pcm_*, wav_*) when the script names none." };
        var project = new Option<string?>("--project") { Description = "Project for budgets and the ledger (default: the script's, else its file name)." };
        var key = new Option<string?>("--key") { Description = "Gateway key id to bill and whose budgets apply." };
        var loudness = new Option<string?>("--loudness") { Description = "podcast (-16 LUFS, default), youtube (-14), broadcast (-23) or a LUFS number." };
        var pause = new Option<string?>("--pause") { Description = "Silence between untimed lines (default 400ms)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the plan (cached lines, credits, budgets) and stop." };
        var allowPartial = new Option<bool>("--allow-partial") { Description = "Under a hard budget, render the lines that fit, in order." };
        var requireLock = new Option<bool>("--require-lock") { Description = "Refuse lines changed since the script's lock (proofing)." };
        var lines = new Option<string[]>("--line") { Description = "Line id for --new-take (repeatable).", AllowMultipleArgumentsPerToken = true };
        var newTake = new Option<bool>("--new-take") { Description = "Pay a new take of each --line (earlier takes are kept)." };
        var take = new Option<string[]>("--take") { Description = "Deliver an earlier take: ID=N (repeatable, 0 credits)." };
        var stitch = new Option<bool>("--stitch") { Description = "Send neighbours' text (and ElevenLabs request ids) for continuity." };
        var concurrency = new Option<int?>("--concurrency") { Description = "Requests in flight (default: the provider plan's limit)." };
        var strict = new Option<bool>("--strict") { Description = "Exit 1 when a check finds a problem." };
        var json = new Option<bool>("--json") { Description = "Print the manifest (the plan with --dry-run) as JSON." };
        var command = new Command("render", "Render a voiceover script: every line paid for once; clips, a normalised track, captions and a manifest.")
        {
            script, output, provider, voice, model, format, project, key, loudness, pause, dryRun, allowPartial, requireLock, lines, newTake, take, stitch, concurrency, strict, json,
        };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var directory = parse.GetValue(output);
            var dry = parse.GetValue(dryRun);
            if (directory is null && !dry)
            {
                throw SpeechException.Validation("output", "Give the output directory with -o DIR (or --dry-run).");
            }

            var lineIds = parse.GetValue(lines) ?? [];
            if (parse.GetValue(newTake) != (lineIds.Length > 0))
            {
                throw SpeechException.Validation("line", "--new-take and --line go together: --line ID --new-take.");
            }

            var chosenProvider = parse.GetValue(provider);
            var request = new RenderRequest(parse.GetValue(script)!, directory ?? ".")
            {
                Provider = chosenProvider,
                Voice = parse.GetValue(voice) ?? DefaultVoices.For(services, chosenProvider),
                Model = parse.GetValue(model),
                Format = parse.GetValue(format),
                Project = parse.GetValue(project),
                AccountId = parse.GetValue(key),
                Loudness = parse.GetValue(loudness),
                Pause = parse.GetValue(pause),
                DryRun = dry,
                AllowPartial = parse.GetValue(allowPartial),
                RequireLock = parse.GetValue(requireLock),
                NewTakes = lineIds,
                Takes = Takes(parse.GetValue(take) ?? []),
                Stitch = parse.GetValue(stitch),
                Concurrency = parse.GetValue(concurrency),
            };
            var renderer = services.GetRequiredService<IVoiceoverRenderer>();
            var quiet = parse.GetValue(json);
            var result = await RenderConsole.RunAsync(context, quiet, progress => renderer.RenderAsync(request, progress, cancellationToken));
            if (quiet)
            {
                object shown = dry ? result.Plan! : result.Manifest!;
                await context.Output.WriteLineAsync(dry ? JsonSerializer.Serialize(shown, CliJson.Options) : await File.ReadAllTextAsync(result.ManifestPath, cancellationToken));
            }
            else
            {
                RenderConsole.Summarize(context, result);
            }

            return parse.GetValue(strict) && result.Manifest?.Checks.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }

    private static Dictionary<string, int> Takes(string[] values)
    {
        var takes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var at = value.LastIndexOf('=');
            if (at <= 0 || !int.TryParse(value[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                throw SpeechException.Validation("take", $"--take {value}: expected ID=N with N ≥ 1.");
            }

            takes[value[..at]] = number;
        }

        return takes;
    }
}
