namespace SpeechGate.Cli;

/// <summary>Process exit codes shared by every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The work failed (provider error, I/O error, unhealthy check).</summary>
    public const int Failure = 1;

    /// <summary>The input was wrong (bad option, unknown voice or format, empty text).</summary>
    public const int InvalidInput = 2;
}
