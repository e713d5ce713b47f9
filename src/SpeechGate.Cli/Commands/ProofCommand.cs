using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using SpeechGate.Proofing;
using SpeechGate.Proofing.Scripts;
using SpeechGate.Synthesis;
using SpeechGate.Voiceover;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate proof SCRIPT|-</c>: findings with line:column, suggestion and credit effect, before any money moves.</summary>
internal static class ProofCommand
{
    public static Command Create(IServiceProvider services, CliContext context)
    {
        var file = new Argument<string>("script") { Description = "A text file, a YAML/JSON script, SRT/WebVTT captions, or '-' for standard input." };
        var fix = new Option<bool>("--fix") { Description = "Write the safe fixes (billed blanks, invisible characters, NFC, quotes) back into the file." };
        var fixCodes = new Option<string[]>("--fix-codes") { Description = "Also apply these codes' suggestions, e.g. SG-NUMBER,SG-ABBREV.", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var lexicon = new Option<string?>("--lexicon") { Description = "A W3C PLS pronunciation lexicon: its words are spelled right." };
        var words = new Option<string?>("--words") { Description = "The project's word list, one word per line (default: words.txt beside the script)." };
        var language = new Option<string?>("--lang") { Description = "The script's language, e.g. en-US (picks the hunspell dictionary)." };
        var model = new Option<string?>("--model", "-m") { Description = "Model for lines that name none (limit and price)." };
        var ignore = new Option<string[]>("--ignore") { Description = "Codes to leave out, e.g. SG-ACRONYM.", AllowMultipleArgumentsPerToken = true };
        var writeLock = new Option<bool>("--lock") { Description = "Write SCRIPT.lock: per line its id, proofed-text hash, voice, model and lexicon version." };
        var command = new Command("proof", "Proof a script before paying for it: billed noise, spelling, numbers and abbreviations, markup, limits.")
            { file, fix, fixCodes, json, lexicon, words, language, model, ignore, writeLock };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var path = parse.GetValue(file)!;
            if (path != "-" && !File.Exists(path))
            {
                await context.Error.WriteLineAsync($"error: no such file: {path}");
                return ExitCodes.InvalidInput;
            }

            var content = await ReadAsync(path, context, cancellationToken);
            var setup = await ProofSetup.CreateAsync(services, context, new ProofSetupRequest(path, parse.GetValue(language), parse.GetValue(model),
                parse.GetValue(lexicon), parse.GetValue(words), Codes(parse.GetValue(ignore))), cancellationToken);
            using var spelling = setup.Options.Spelling;
            var proofer = new ScriptProofer(setup.Options);
            var name = path == "-" ? "stdin.txt" : path;
            var report = proofer.Proof(content, name);
            if (parse.GetValue(fix))
            {
                var extra = Codes(parse.GetValue(fixCodes));
                var result = proofer.Fix(content, name, finding => finding.IsSafeFix || extra.Contains(finding.Code));
                await WriteFixAsync(context, path, content, result, cancellationToken);
                content = result.Content;
                report = proofer.Proof(content, name);
            }

            if (parse.GetValue(writeLock))
            {
                await WriteLockAsync(context, path, content, setup, cancellationToken);
            }

            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(ProofJson.From(report), CliJson.Options));
            }
            else
            {
                Write(context, report, parse.GetValue(fix));
            }

            return report.Errors > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }

    internal static HashSet<string> Codes(string[]? values)
        => new((values ?? []).SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), StringComparer.OrdinalIgnoreCase);

    internal static async Task<string> ReadAsync(string path, CliContext context, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            using var reader = new StreamReader(context.OpenStandardInput(), Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken);
        }

        return await File.ReadAllTextAsync(path, cancellationToken);
    }

    private static async Task WriteFixAsync(CliContext context, string path, string before, ScriptFix result, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            await context.Output.WriteAsync(result.Content);
            return;
        }

        if (result.Applied.Count == 0 || result.Content == before)
        {
            await context.Output.WriteLineAsync("nothing to fix");
            return;
        }

        await using (var file = AtomicFile.Create(path))
        {
            // No byte-order mark: it would be one more invisible, billed character.
            await file.Stream.WriteAsync(new UTF8Encoding(false).GetBytes(result.Content), cancellationToken);
            await file.CommitAsync(cancellationToken);
        }

        foreach (var finding in result.Applied)
        {
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"fixed {finding.Line}:{finding.Column} {finding.Code} {finding.Message} → {Visible(finding.Replacement!)}"));
        }

        var saved = -result.Applied.Sum(finding => finding.CharacterDelta);
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"wrote {path}: {result.Applied.Count} fixes, {saved:+#;-#;0} billed characters saved"));
    }

    private static async Task WriteLockAsync(CliContext context, string path, string content, ProofSetup setup, CancellationToken cancellationToken)
    {
        if (path == "-")
        {
            throw SpeechException.Validation("lock", "--lock needs a script file, not standard input.");
        }

        var script = VoiceoverScriptReader.Parse(content, path);
        // Voices and models as the script states them: command-line defaults are not part of the script.
        var scriptLock = ScriptLock.Create(script, lexicon: setup.Lexicon);
        await scriptLock.WriteAsync(ScriptLock.PathFor(path), cancellationToken);
        await context.Error.WriteLineAsync($"wrote {ScriptLock.PathFor(path)} ({scriptLock.Lines.Count} lines)");
    }

    private static void Write(CliContext context, ScriptProofReport report, bool fixedAlready)
    {
        var console = WideConsole(context);
        var findings = report.Findings.ToList();
        if (findings.Count > 0)
        {
            var table = new Table().AddColumns("Where", "Severity", "Code", "Finding", "Suggestion", "Credits");
            foreach (var finding in findings)
            {
                table.AddRow(
                    Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{finding.Line}:{finding.Column}")),
                    finding.Severity switch { ProofSeverity.Error => "[red]error[/]", ProofSeverity.Warning => "[yellow]warning[/]", _ => "info" },
                    Markup.Escape(finding.Code),
                    Markup.Escape(finding.Message),
                    Markup.Escape(finding.Suggestion is null ? "" : Visible(finding.Suggestion)),
                    Markup.Escape(finding.CreditDelta == 0 ? "" : finding.CreditDelta.ToString("+0.##;-0.##", CultureInfo.InvariantCulture)));
            }

            console.Write(table);
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Lines.Count} lines: {report.Errors} errors, {report.Warnings} warnings, {findings.Count} findings"));
        if (report.CharactersSaved > 0 && !fixedAlready)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"safe fixes save {report.CharactersSaved} billed characters ({report.CreditsSaved:0.##} credits): run with --fix"));
        }
    }

    /// <summary>A console over the command's writer; a file or pipe has no width, so rows are kept whole there.</summary>
    internal static IAnsiConsole WideConsole(CliContext context)
    {
        var console = CliJson.Console(context);
        if (!ReferenceEquals(context.Output, Console.Out) || Console.IsOutputRedirected)
        {
            console.Profile.Width = Math.Max(console.Profile.Width, 200);
        }

        return console;
    }

    private static string Visible(string text)
        => text.Length == 0 ? "(nothing)" : text.Replace("\n", "\\n", StringComparison.Ordinal);
}
