using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SpeechGate.Providers.Local.Native;

namespace SpeechGate.Providers.Local.Engine;

/// <summary>
/// N private copies of libespeak-ng on disk: each copy loaded by its own path has its own globals, so N requests
/// synthesise in parallel. A request leases one slot exclusively and loads it fresh.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Lives as long as the process; its semaphore may still be released during shutdown.")]
internal sealed class EspeakSlots
{
    private readonly SemaphoreSlim _free;
    private readonly ConcurrentQueue<string> _paths = new();
    private readonly DirectoryInfo _directory;

    private EspeakSlots(string systemPath, int count)
    {
        _free = new SemaphoreSlim(count, count);
        _directory = Directory.CreateTempSubdirectory("speechgate-espeak-");
        _paths.Enqueue(systemPath);
        for (var i = 1; i < count; i++)
        {
            var copy = Path.Combine(_directory.FullName, string.Create(CultureInfo.InvariantCulture, $"libespeak-ng-slot{i}.so"));
            File.Copy(systemPath, copy);
            _paths.Enqueue(copy);
        }
    }

    /// <summary>Resolves the installed library's real path and copies it <paramref name="count"/> − 1 times.</summary>
    /// <exception cref="DllNotFoundException">libespeak-ng.so.1 is not installed.</exception>
    public static EspeakSlots Create(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new EspeakSlots(NativeLibraryPath.Resolve(EspeakNative.Library, "espeak_Initialize"), count);
    }

    /// <summary>Waits for a free slot; the caller must hand its path back with <see cref="Return"/>.</summary>
    public async Task<string> TakeAsync(CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _paths.TryDequeue(out var path) ? path : throw new InvalidOperationException("Slot accounting is broken.");
    }

    public void Return(string path)
    {
        _paths.Enqueue(path);
        _free.Release();
    }

    /// <summary>Deletes the copies on disk (at process exit; loaded copies stay mapped until unloaded).</summary>
    public void DeleteCopies()
    {
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }
}
