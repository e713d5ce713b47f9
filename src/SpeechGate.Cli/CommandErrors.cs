using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SpeechGate.Synthesis;

namespace SpeechGate.Cli;

/// <summary>Turns failures into one clear line on standard error and an exit code, never a stack trace.</summary>
internal static class CommandErrors
{
    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception error) when (Describe(error) is { } described)
        {
            await context.Error.WriteLineAsync($"error: {described.Message}").ConfigureAwait(false);
            return described.ExitCode;
        }
    }

    /// <summary>The one line and exit code for a failure; null for a bug (which then surfaces as one).</summary>
    public static (string Message, int ExitCode)? Describe(Exception error) => error switch
    {
        SpeechException speech => ($"{speech.Message} ({speech.Status})", ExitCodes.Of(speech)),

        // A configuration value that does not bind or validate ("MaxBytes": "lots", -5) is bad input.
        OptionsValidationException options => ($"invalid configuration: {string.Join("; ", options.Failures)}", ExitCodes.InvalidInput),
        InvalidOperationException { InnerException: FormatException or OverflowException or ArgumentException } binding when binding.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase)
            => ($"invalid configuration: {binding.Message}", ExitCodes.InvalidInput),
        SqliteException database => ($"{StateFile(database)} cannot be used: {database.Message}", ExitCodes.Failure),
        IOException or UnauthorizedAccessException or HttpRequestException => (error.Message, ExitCodes.Failure),
        OperationCanceledException => ("cancelled", ExitCodes.Failure),
        _ => null,
    };

    private static string StateFile(SqliteException error) => error.SqliteErrorCode switch
    {
        5 or 6 => "a state database is locked by another process and",
        11 or 26 => "a state database is damaged (not a valid SQLite file) and",
        13 => "a state database is on a full disk and",
        _ => "a state database",
    };
}
