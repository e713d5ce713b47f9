using System.Diagnostics.CodeAnalysis;

namespace SpeechGate.Providers.Local.Engine;

/// <summary>The process' one eSpeak NG instance: every native call runs under one lock.</summary>
/// <remarks>
/// eSpeak NG keeps its voice, rate and output state in globals, so the instance is process-wide (two DI containers
/// must not drive it concurrently). Each synthesis sets voice and rate again, so requests never see each other's
/// settings. The wave generator also keeps internal state between calls that no API resets (pitch-flutter phase,
/// gain control in wavegen.c), so two syntheses of one text may differ by a few samples.
/// </remarks>
[SuppressMessage("Design", "CA1001", Justification = "Process-lifetime singleton; its semaphore lives as long as the process.")]
internal sealed class EspeakEngine
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _dataPath;
    private int _sampleRate;
    private IReadOnlyList<EspeakVoice>? _voices;

    private EspeakEngine()
    {
    }

    public static EspeakEngine Shared { get; } = new();

    /// <summary>The engine's output rate (22050 Hz with the standard data), or 0 before initialisation.</summary>
    public int SampleRate => Volatile.Read(ref _sampleRate);

    /// <summary>Every voice the installed data offers, in the engine's order.</summary>
    public async Task<IReadOnlyList<EspeakVoice>> ListVoicesAsync(string? dataPath, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            EnsureInitialized(dataPath);
            return _voices ??= EspeakVoiceReader.ReadAll();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Synthesises one piece of text; cancellation aborts the engine within one callback block (~60 ms of audio).</summary>
    public async Task<SentenceAudio> SynthesizeAsync(string text, string voiceIdentifier, int rate, string? dataPath, CancellationToken cancellationToken)
    {
        var sink = new SynthesisSink(cancellationToken);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            EnsureInitialized(dataPath);
            EspeakCalls.Synthesize(text, voiceIdentifier, rate, sink);
        }
        finally
        {
            _gate.Release();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return sink.ToAudio(_sampleRate);
    }

    private void EnsureInitialized(string? dataPath)
    {
        if (_sampleRate > 0 && string.Equals(_dataPath, dataPath, StringComparison.Ordinal))
        {
            return;
        }

        _sampleRate = 0;
        _voices = null;
        var rate = EspeakCalls.Initialize(dataPath);
        _dataPath = dataPath;
        _sampleRate = rate;
    }
}
