namespace SpeechGate.Hosting;

/// <summary>Where SpeechGate keeps its state: <c>SPEECHGATE_DATA</c>, else a per-user data directory.</summary>
public static class SpeechGatePaths
{
    /// <summary>The environment variable that overrides the data directory.</summary>
    public const string DataEnvironmentVariable = "SPEECHGATE_DATA";

    /// <summary>The data directory (not created by this call).</summary>
    public static string DataDirectory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(DataEnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Path.GetFullPath(configured);
            }

            // XDG on Linux, %LOCALAPPDATA% on Windows, ~/Library/Application Support on macOS.
            var root = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
                ? xdg
                : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return Path.Combine(root, "speechgate");
        }
    }
}
