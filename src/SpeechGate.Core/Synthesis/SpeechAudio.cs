using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SpeechGate.Synthesis;

/// <summary>Audio as a stream of chunks, with the metadata known when the response starts.</summary>
/// <remarks>
/// <see cref="Chunks"/> can be enumerated once. Dispose the audio if it is abandoned before the end, so the
/// provider can release its connection or engine.
/// </remarks>
public sealed record SpeechAudio(string MediaType, IAsyncEnumerable<AudioChunk> Chunks) : IAsyncDisposable
{
    /// <summary>What the provider charged, in credits (ElevenLabs' <c>character-cost</c>); 0 for free answers.</summary>
    public int BilledCharacters { get; init; }

    /// <summary>The provider's request id (ElevenLabs' <c>request-id</c>), usable in <c>previous_request_ids</c>.</summary>
    public string? RequestId { get; init; }

    /// <summary>The provider's history item id (ElevenLabs' <c>history-item-id</c>).</summary>
    public string? HistoryItemId { get; init; }

    /// <summary>How the cache answered.</summary>
    public SpeechCacheStatus CacheStatus { get; init; }

    /// <summary>The voice id that actually spoke, when a stage resolved or replaced the requested one.</summary>
    public string? ResolvedVoiceId { get; init; }

    /// <summary>The cache key of the audio (a hex SHA-256 of every audio-deciding field), when a cache stage computed it.</summary>
    public string? CacheKey { get; init; }

    /// <summary>Non-fatal notices for the caller, e.g. a soft budget that is exceeded.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>When a fallback voice spoke because the requested one is gone: the voice that was requested (header <c>x-speechgate-voice-fallback</c>).</summary>
    public string? FallbackFromVoiceId { get; init; }

    /// <summary>
    /// Metadata a stage adds beyond this contract (e.g. the ledger row metering wrote: <c>GetUsage()</c>), by namespaced
    /// key. Treat as read-only: <see cref="WithProperty"/> makes a copy, so answers derived with <c>with</c> never share a change.
    /// </summary>
    public AdditionalPropertiesDictionary? AdditionalProperties { get; init; }

    /// <summary>Released on <see cref="DisposeAsync"/>: the connection or engine lease behind <see cref="Chunks"/>.</summary>
    public IAsyncDisposable? Resource { get; init; }

    /// <summary>The value a stage stored under <paramref name="key"/>, if it is a <typeparamref name="T"/>.</summary>
    public T? GetProperty<T>(string key)
        where T : class
        => AdditionalProperties is { } properties && properties.TryGetValue(key, out var value) ? value as T : null;

    /// <summary>A copy of this answer with <paramref name="value"/> under <paramref name="key"/> (null removes it).</summary>
    public SpeechAudio WithProperty(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var properties = AdditionalProperties?.Clone() ?? [];
        if (value is null)
        {
            properties.Remove(key);
        }
        else
        {
            properties[key] = value;
        }

        return this with { AdditionalProperties = properties.Count == 0 ? null : properties };
    }

    /// <summary>Reads every chunk and returns the audio bytes.</summary>
    public async Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Writes every chunk to <paramref name="destination"/> as it arrives, flushing after each.</summary>
    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await foreach (var chunk in Chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await destination.WriteAsync(chunk.Audio, cancellationToken).ConfigureAwait(false);
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads everything: the audio bytes and the alignment of all chunks joined in order.</summary>
    public async Task<SpeechClip> ReadToEndAsync(CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var alignment = new AlignmentBuilder();
        var normalized = new AlignmentBuilder();
        await foreach (var chunk in Chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await buffer.WriteAsync(chunk.Audio, cancellationToken).ConfigureAwait(false);
            alignment.Add(chunk.Alignment);
            normalized.Add(chunk.NormalizedAlignment);
        }

        return new SpeechClip(buffer.ToArray(), MediaType, alignment.Build(), normalized.Build());
    }

    /// <summary>Wraps finished bytes as a single-chunk audio stream.</summary>
    public static SpeechAudio FromBytes(ReadOnlyMemory<byte> audio, string mediaType, CharacterAlignment? alignment = null)
        => new(mediaType, Single(new AudioChunk(audio) { Alignment = alignment, NormalizedAlignment = alignment }));

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Resource?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static async IAsyncEnumerable<AudioChunk> Single(AudioChunk chunk, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Task.CompletedTask.ConfigureAwait(false);
        yield return chunk;
    }

    private sealed class AlignmentBuilder
    {
        private List<string>? _characters;
        private readonly List<double> _starts = [];
        private readonly List<double> _ends = [];

        public void Add(CharacterAlignment? alignment)
        {
            if (alignment is null)
            {
                return;
            }

            (_characters ??= []).AddRange(alignment.Characters);
            _starts.AddRange(alignment.CharacterStartTimesSeconds);
            _ends.AddRange(alignment.CharacterEndTimesSeconds);
        }

        public CharacterAlignment? Build() => _characters is null ? null : new CharacterAlignment(_characters, _starts, _ends);
    }
}
