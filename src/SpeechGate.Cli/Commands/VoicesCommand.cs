using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using SpeechGate.Voices;

namespace SpeechGate.Cli.Commands;

/// <summary><c>speechgate voices [--json] [--provider P]</c>: lists the voices of the configured providers.</summary>
internal static class VoicesCommand
{
    public static Command Create(IServiceProvider services, CliContext context, IReadOnlyList<string> providers)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var provider = new Option<string?>("--provider", "-p") { Description = "Only this provider's voices." };
        var command = new Command("voices", "List the voices of the configured providers; pin, design and check them.")
        {
            json, provider, VoicesPinCommand.Create(services, context), VoicesDesignCommand.Create(services, context), VoicesCloneCommand.Create(services, context), VoicesCheckCommand.Create(services, context),
        };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(context, async () =>
        {
            var names = parse.GetValue(provider) is { } only ? [only] : providers;
            var voices = new List<VoiceInfo>();
            foreach (var name in names)
            {
                var directory = services.GetKeyedService<IVoiceDirectory>(name)
                    ?? throw new Synthesis.SpeechException(400, "unknown_provider", $"No speech provider named '{name}' is configured.");
                voices.AddRange(await directory.ListVoicesAsync(cancellationToken));
            }

            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(voices, CliJson.Options));
            }
            else
            {
                WriteTable(context, voices);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteTable(CliContext context, List<VoiceInfo> voices)
    {
        var console = CliJson.Console(context);
        var table = new Table().AddColumn(new TableColumn("Voice id").NoWrap()).AddColumns("Name", "Provider", "Category", "Labels");
        foreach (var voice in voices)
        {
            var labels = string.Join(", ", voice.Labels.Select(label => $"{label.Key}={label.Value}"));
            table.AddRow(Markup.Escape(voice.VoiceId), Markup.Escape(voice.Name), voice.Provider, voice.Category, Markup.Escape(labels));
        }

        console.Write(table);
        console.WriteLine($"{voices.Count} voices");
    }
}
