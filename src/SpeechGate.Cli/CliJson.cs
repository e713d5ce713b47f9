using System.Text.Json;
using Spectre.Console;

namespace SpeechGate.Cli;

/// <summary>Shared output settings: indented camelCase JSON, and a Spectre console over the command's writer.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IAnsiConsole Console(CliContext context)
        => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Output) });
}
