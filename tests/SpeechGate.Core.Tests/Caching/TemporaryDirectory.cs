namespace SpeechGate.Core.Tests.Caching;

/// <summary>A fresh directory under the temp path, deleted on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("speechgate-cache-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A crashed child process may still be exiting; the OS temp cleaner gets the rest.
        }
    }
}
