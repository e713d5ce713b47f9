using System.Diagnostics.CodeAnalysis;
using SpeechGate.Providers.Local.Native;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.Local.Engine;

/// <summary>The process' eSpeak NG engine: a pool of private library copies, one leased per request.</summary>
/// <remarks>
/// eSpeak NG keeps voice, rate, output and wave-generator state (pitch-flutter phase, gain control) in its globals and
/// no API resets them, not even a second espeak_Initialize. So every request gets a copy of the library loaded fresh
/// and unloaded afterwards (<see cref="EspeakLease"/>): the same request always gives byte-identical audio, and up to
/// N requests run in parallel on distinct copies, never seeing each other's state. The pool is process-wide; its size
/// is fixed by the first request.
/// </remarks>
[SuppressMessage("Design", "CA1001", Justification = "Process-lifetime singleton; its slots live as long as the process.")]
internal sealed class EspeakEngine
{
    private readonly Lock _sync = new();
    private EspeakSlots? _slots;
    private int _sampleRate;
    private (string? DataPath, IReadOnlyList<EspeakVoice> Voices)? _voices;

    private EspeakEngine()
    {
    }

    public static EspeakEngine Shared { get; } = new();

    /// <summary>The engine's output rate (22050 Hz with the standard data), or 0 before the first load.</summary>
    public int SampleRate => Volatile.Read(ref _sampleRate);

    /// <summary>Every voice the installed data offers, in the engine's order; read once with a short-lived copy.</summary>
    public async Task<IReadOnlyList<EspeakVoice>> ListVoicesAsync(string? dataPath, int instances, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_voices is { } cached && string.Equals(cached.DataPath, dataPath, StringComparison.Ordinal))
            {
                return cached.Voices;
            }
        }

        using var lease = await AcquireAsync(dataPath, instances, cancellationToken).ConfigureAwait(false);
        var voices = lease.ReadVoices();
        lock (_sync)
        {
            _voices = (dataPath, voices);
        }

        return voices;
    }

    /// <summary>Waits for a free copy and loads it fresh; dispose the lease to unload it and free the slot.</summary>
    /// <param name="dataPath">The espeak-ng-data directory, or null for the system's.</param>
    /// <param name="instances">How many copies may run at once (used by the first call only).</param>
    /// <param name="cancellationToken">Cancels the wait for a free copy.</param>
    public async Task<EspeakLease> AcquireAsync(string? dataPath, int instances, CancellationToken cancellationToken)
    {
        var slots = Slots(instances);
        var path = await slots.TakeAsync(cancellationToken).ConfigureAwait(false);
        EspeakLibrary? library = null;
        try
        {
            library = Load(path);
            var rate = EspeakCalls.Initialize(library, dataPath);
            Volatile.Write(ref _sampleRate, rate);
            return new EspeakLease(slots, path, library, rate);
        }
        catch
        {
            library?.Dispose();
            slots.Return(path);
            throw;
        }
    }

    private EspeakSlots Slots(int instances)
    {
        lock (_sync)
        {
            try
            {
                if (_slots is null)
                {
                    _slots = EspeakSlots.Create(instances);

                    // The copies live in a temp directory for the process' lifetime; a crash leaves it behind.
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => _slots.DeleteCopies();
                }

                return _slots;
            }
            catch (DllNotFoundException exception)
            {
                throw NotInstalled(exception);
            }
        }
    }

    private static EspeakLibrary Load(string path)
    {
        try
        {
            return EspeakLibrary.Load(path);
        }
        catch (DllNotFoundException exception)
        {
            throw NotInstalled(exception);
        }
    }

    private static SpeechException NotInstalled(Exception exception)
        => LocalEngineUnavailable.Create("eSpeak NG (libespeak-ng.so.1) is not installed; install the apt package libespeak-ng1.", exception);
}
