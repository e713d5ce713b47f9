using SpeechGate.Synthesis;

namespace SpeechGate.Providers.Local.Engine;

/// <summary>Builds the 503 <c>local_engine_unavailable</c> error for a missing native library or data.</summary>
internal static class LocalEngineUnavailable
{
    public const string Status = "local_engine_unavailable";

    public static SpeechException Create(string message, Exception? innerException)
        => new(503, Status, message, innerException);

    /// <summary>Runs native setup, turning a missing library into the 503 with the apt package to install.</summary>
    public static T Guard<T>(Func<T> create, string library, string package)
    {
        ArgumentNullException.ThrowIfNull(create);
        try
        {
            return create();
        }
        catch (DllNotFoundException exception)
        {
            throw Create($"The local engine needs {library}; install the apt package {package}.", exception);
        }
    }
}
