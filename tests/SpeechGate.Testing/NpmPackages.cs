using System.Text.Json;

namespace SpeechGate.Testing;

/// <summary>
/// Installs a test folder's npm packages (<c>npm ci</c>) once, whoever asks first. Test projects run in parallel
/// processes, so the guard is an exclusive lock file beside package.json, not an in-process lock: two <c>npm ci</c> in one
/// folder at once delete each other's <c>node_modules</c>.
/// </summary>
public static class NpmPackages
{
    /// <summary>Installs <paramref name="folder"/>'s packages unless every dependency of its package.json is there.</summary>
    /// <returns>npm's exit code and output, or (0, "") when nothing had to be installed.</returns>
    public static async Task<(int ExitCode, string Output)> EnsureInstalledAsync(string folder)
    {
        using var package = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "package.json")));
        var dependencies = package.RootElement.GetProperty("dependencies").EnumerateObject().Select(d => d.Name).ToList();
        bool Installed() => dependencies.All(name => File.Exists(Path.Combine(folder, "node_modules", name, "package.json")));
        if (Installed())
        {
            return (0, "");
        }

        await using var held = await LockAsync(Path.Combine(folder, ".npm-install.lock"));
        return Installed() ? (0, "") : await ExternalCommand.RunAsync("npm", folder, TimeSpan.FromMinutes(5), null, "ci", "--no-audit", "--no-fund");
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (!timeout.IsCancellationRequested)
            {
                await Task.Delay(200, timeout.Token);
            }
        }
    }
}
