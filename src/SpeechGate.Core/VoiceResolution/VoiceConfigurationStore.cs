using Microsoft.Extensions.Options;

namespace SpeechGate.VoiceResolution;

/// <summary>Loads <c>voices.yaml</c> and <c>voices.lock</c> once, and writes new pins back atomically.</summary>
/// <remarks>Thread-safe. A bad file fails every use with the same <see cref="VoiceConfigurationException"/>.</remarks>
public sealed class VoiceConfigurationStore : IDisposable
{
    private readonly VoiceResolutionOptions _options;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private Lazy<VoiceConfiguration> _current;

    /// <summary>Creates the store from options.</summary>
    public VoiceConfigurationStore(IOptions<VoiceResolutionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _current = new Lazy<VoiceConfiguration>(Load);
    }

    /// <summary>The options in use.</summary>
    public VoiceResolutionOptions Options => _options;

    /// <summary>The configuration, loaded on first use.</summary>
    public VoiceConfiguration Current => _current.Value;

    /// <summary>Stores <paramref name="pin"/> under <paramref name="key"/> and rewrites the lockfile.</summary>
    public async Task<VoiceConfiguration> PinAsync(string key, VoicePin pin, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Re-read the file: another process (or teammate's merge) may have changed it since we loaded.
            var current = Current with { Lock = VoiceLockFile.Read(Current.LockPath) };
            var updated = current with { Lock = current.Lock.With(key, pin) };
            await VoiceLockFile.WriteAsync(updated.LockPath, updated.Lock, cancellationToken).ConfigureAwait(false);
            _current = new Lazy<VoiceConfiguration>(updated);
            return updated;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _writeLock.Dispose();

    private VoiceConfiguration Load()
    {
        var catalogPath = _options.CatalogPath;
        var explicitFile = _options.File is not null;
        if (explicitFile && !File.Exists(catalogPath))
        {
            throw new VoiceConfigurationException(catalogPath, 0, "file not found (configured by Voices:File).");
        }

        var catalog = File.Exists(catalogPath) ? VoiceCatalogReader.Read(catalogPath) : VoiceCatalog.Empty;
        // A pin whose key voices.yaml does not define is an alias of its own (e.g. made by `voices design`).
        var voiceLock = VoiceLockFile.Read(_options.LockPath);
        return new VoiceConfiguration(catalog, voiceLock, _options.LockPath);
    }
}
