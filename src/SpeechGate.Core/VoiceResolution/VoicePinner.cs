using SpeechGate.Synthesis;

namespace SpeechGate.VoiceResolution;

/// <summary>Pins aliases and voice ids to stable ids: shared library voices are added to My Voices first.</summary>
public sealed class VoicePinner(IVoiceUpstream upstream, VoiceConfigurationStore store, TimeProvider time)
{
    /// <summary>Pins an alias from <c>voices.yaml</c> or a raw voice id, and rewrites the lockfile.</summary>
    public async Task<VoicePinResult> PinAsync(string aliasOrVoiceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aliasOrVoiceId);
        var configuration = store.Current;
        var alias = configuration.Catalog.Find(aliasOrVoiceId);
        var originalId = alias?.VoiceId ?? aliasOrVoiceId;
        if (configuration.Lock.Find(aliasOrVoiceId) is { } existing && existing.OriginalVoiceId == originalId
            && await upstream.GetVoiceAsync(existing.VoiceId, cancellationToken).ConfigureAwait(false) is { InMyVoices: true } stable)
        {
            // Already pinned to a copy that still exists: refresh it instead of adding the library voice twice.
            return await SaveAsync(aliasOrVoiceId, Pin(stable, originalId, existing.Owner), added: false, cancellationToken).ConfigureAwait(false);
        }

        var voice = await upstream.GetVoiceAsync(originalId, cancellationToken).ConfigureAwait(false)
            ?? throw (alias is null && !VoiceIds.LooksLikeVoiceId(aliasOrVoiceId)
                ? new VoiceNotFoundException(aliasOrVoiceId, $"'{aliasOrVoiceId}' is neither an alias in {configuration.Catalog.Path ?? "voices.yaml"} nor a voice the account or the library knows.", "unknown_voice_alias")
                : SpeechException.VoiceNotFound(originalId));
        if (!voice.IsLibraryVoice)
        {
            return await SaveAsync(aliasOrVoiceId, Pin(voice, originalId, voice.PublicOwnerId), added: false, cancellationToken).ConfigureAwait(false);
        }

        var newId = await upstream.AddSharedVoiceAsync(voice.PublicOwnerId!, originalId, voice.Name, cancellationToken).ConfigureAwait(false);
        var copy = await upstream.GetVoiceAsync(newId, cancellationToken).ConfigureAwait(false)
            ?? voice with { VoiceId = newId, InMyVoices = true };
        return await SaveAsync(aliasOrVoiceId, Pin(copy, originalId, voice.PublicOwnerId), added: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates an owned voice by voice design and pins it under <paramref name="key"/>.</summary>
    public async Task<VoicePinResult> DesignAsync(string description, string name, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var voice = await upstream.DesignVoiceAsync(description, name, cancellationToken).ConfigureAwait(false);
        return await SaveAsync(key, Pin(voice, voice.VoiceId, owner: null), added: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Clones a voice from checked samples (instant voice cloning) and pins it under <paramref name="key"/>, with the samples' hashes.</summary>
    public async Task<VoicePinResult> CloneAsync(VoiceCloneRequest request, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var voice = await upstream.CloneVoiceAsync(request, cancellationToken).ConfigureAwait(false);
        var pin = Pin(voice, voice.VoiceId, owner: null) with { Samples = [.. request.Samples.Select(sample => sample.ToRecord())] };
        return await SaveAsync(key, pin, added: false, cancellationToken).ConfigureAwait(false);
    }

    private VoicePin Pin(UpstreamVoice voice, string originalId, string? owner) => new(voice.VoiceId, originalId, voice.Category)
    {
        Provider = upstream.Provider,
        Name = voice.Name,
        Owner = owner,
        Settings = voice.Settings,
        CheckedAt = time.GetUtcNow(),
    };

    private async Task<VoicePinResult> SaveAsync(string key, VoicePin pin, bool added, CancellationToken cancellationToken)
    {
        await store.PinAsync(key, pin, cancellationToken).ConfigureAwait(false);
        return new VoicePinResult(key, pin, added);
    }
}
