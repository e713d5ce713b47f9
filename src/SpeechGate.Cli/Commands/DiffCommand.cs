using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using SpeechGate.Budgeting;
using SpeechGate.Proofing;
using SpeechGate.Proofing.Lexicons;
using SpeechGate.Proofing.Scripts;
using SpeechGate.Synthesis;
using SpeechGate.Voiceover;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate diff OLD NEW</c> (or <c>diff SCRIPT</c> against its lock): changed lines, their text diff, and what rendering them costs.</summary>
internal static class DiffCommand
{
    public static Command Create(IServiceProvider services, CliContext context)
    {
        var old = new Argument<string>("old") { Description = "The earlier script, or the script to compare with its SCRIPT.lock." };
        var current = new Argument<string?>("new") { Description = "The new script (omit to compare OLD with OLD.lock).", Arity = ArgumentArity.ZeroOrOne };
        var provider = new Option<string?>("--provider", "-p") { Description = "Provider to price for." };
        var voice = new Option<string?>("--voice", "-v") { Description = "Voice for lines that name none." };
        var model = new Option<string?>("--model", "-m") { Description = "Model for lines that name none." };
        var lexiconOption = new Option<string?>("--lexicon") { Description = "The project's PLS lexicon (default: configuration Proofing:Lexicon)." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("diff", "Show which lines of a script changed, how, and the credits a render of the changes costs.")
            { old, current, provider, voice, model, lexiconOption, json };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var oldPath = parse.GetValue(old)!;
            var newPath = parse.GetValue(current);
            foreach (var path in new[] { oldPath, newPath }.OfType<string>())
            {
                if (!File.Exists(path))
                {
                    await context.Error.WriteLineAsync($"error: no such file: {path}");
                    return ExitCodes.InvalidInput;
                }
            }

            var template = new SpeechRequest("", "") { Provider = parse.GetValue(provider), ModelId = parse.GetValue(model) };
            var defaultVoice = parse.GetValue(voice) ?? DefaultVoices.For(services, template.Provider);
            var lexiconPath = parse.GetValue(lexiconOption) ?? services.GetRequiredService<IConfiguration>()["Proofing:Lexicon"];
            var lexicon = lexiconPath is null ? null : PronunciationLexicon.Read(lexiconPath);
            var script = VoiceoverScriptReader.Parse(await File.ReadAllTextAsync(newPath ?? oldPath, cancellationToken), newPath ?? oldPath);
            var lines = newPath is null
                ? AgainstLock(oldPath, script, lexicon)
                : Against(VoiceoverScriptReader.Parse(await File.ReadAllTextAsync(oldPath, cancellationToken), oldPath), script, lexicon);
            var changed = new VoiceoverScript { Voice = script.Voice, Model = script.Model, Format = script.Format, Project = script.Project, Lines = [.. lines.Where(l => l.New is not null && l.Kind != "removed").Select(l => l.New!)] };
            var estimate = await services.GetRequiredService<SpendEstimator>().EstimateAsync(
                VoiceoverScriptReader.ToRequests(changed, defaultVoice, template), null, script.Project, cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    Changes = lines.Select(l => new { l.Id, l.Kind, l.Fields, Old = l.Old?.Text, New = l.New?.Text }),
                    estimate.Characters,
                    estimate.Credits,
                    estimate.CachedRequests,
                    estimate.CreditsToSpend,
                }, CliJson.Options));
            }
            else
            {
                Write(context, lines, estimate);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static List<LineChange> Against(VoiceoverScript before, VoiceoverScript after, PronunciationLexicon? lexicon)
    {
        var changes = ScriptLock.Create(before, lexicon: lexicon).Compare(ScriptLock.Create(after, lexicon: lexicon));
        var oldLines = before.Lines.Where(l => l.Id is not null).GroupBy(l => l.Id!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newLines = after.Lines.Where(l => l.Id is not null).GroupBy(l => l.Id!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return [.. changes.Select(c => new LineChange(c.Id, c.Kind, c.Fields, oldLines.GetValueOrDefault(c.Id), newLines.GetValueOrDefault(c.Id)))];
    }

    private static List<LineChange> AgainstLock(string scriptPath, VoiceoverScript script, PronunciationLexicon? lexicon)
    {
        var lockPath = ScriptLock.PathFor(scriptPath);
        if (!File.Exists(lockPath))
        {
            throw SpeechException.Validation("lock", $"No lock for {scriptPath}: run 'speechgate proof {scriptPath} --lock' first, or give two scripts.");
        }

        var lines = script.Lines.Where(l => l.Id is not null).GroupBy(l => l.Id!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changes = ScriptLock.Read(lockPath).Compare(ScriptLock.Create(script, lexicon: lexicon));
        return [.. changes.Select(c => new LineChange(c.Id, c.Kind, c.Fields, null, lines.GetValueOrDefault(c.Id)))];
    }

    private static void Write(CliContext context, List<LineChange> lines, SpendEstimate estimate)
    {
        var console = ProofCommand.WideConsole(context);
        var differ = new InlineDiffBuilder(new Differ());
        foreach (var line in lines)
        {
            console.MarkupLine($"[bold]{Markup.Escape(line.Id)}[/] {line.Kind}{(line.Fields.Count > 0 ? " (" + string.Join(", ", line.Fields) + ")" : "")}");
            if (line.Old is not null && line.New is not null && line.Fields.Contains("text"))
            {
                var model = differ.BuildDiffModel(TextProofer.Normalize(line.Old.Text), TextProofer.Normalize(line.New.Text), false, false, new WordChunker());
                console.MarkupLine("  " + string.Concat(model.Lines.Select(Piece)));
            }
            else if (line.Kind == "removed" && line.Old is not null)
            {
                console.MarkupLine($"  [red]- {Markup.Escape(line.Old.Text)}[/]");
            }
            else if (line.New is not null)
            {
                console.MarkupLine($"  [green]+ {Markup.Escape(line.New.Text)}[/]");
            }
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{lines.Count} lines changed; rendering them: {estimate.Characters:N0} characters, {estimate.Credits:N0} credits, {estimate.CachedRequests} already cached, {estimate.CreditsToSpend:N0} credits to spend"));
    }

    private static string Piece(DiffPiece piece)
        => piece.Type switch
        {
            ChangeType.Inserted => $"[green]{{+{Markup.Escape(piece.Text)}+}}[/]",
            ChangeType.Deleted => $"[red][[-{Markup.Escape(piece.Text)}-]][/]",
            _ => Markup.Escape(piece.Text),
        };

    private sealed record LineChange(string Id, string Kind, IReadOnlyList<string> Fields, VoiceoverLine? Old, VoiceoverLine? New);
}
