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
        catch (SpeechException error)
        {
            await context.Error.WriteLineAsync($"error: {error.Message} ({error.Status})").ConfigureAwait(false);
            return ExitCodes.Of(error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or HttpRequestException)
        {
            await context.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
