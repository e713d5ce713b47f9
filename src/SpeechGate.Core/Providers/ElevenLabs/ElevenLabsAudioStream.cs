using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SpeechGate.Providers.ElevenLabs.Wire;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Reads a successful (so already billed) text-to-speech body chunk by chunk, as the bytes arrive, without holding the clip.</summary>
/// <remarks>
/// A 200 means upstream has charged, so nothing here is ever retried by sending the request again. When the body breaks
/// (before the first chunk or later), raw audio is recovered from History, which does not bill: the bytes already handed
/// out are skipped and the rest follows, so the caller and the cache see one whole clip. When that is impossible
/// (timestamped bodies, zero retention, History unreachable) the failure is a non-retryable <see cref="ElevenLabsException"/>
/// carrying the credits billed. Owns the response and the concurrency lease until the end or <see cref="DisposeAsync"/>.
/// </remarks>
internal sealed class ElevenLabsAudioStream : IAsyncDisposable
{
    private const int BufferSize = 16 * 1024;

    private readonly HttpResponseMessage _response;
    private readonly IDisposable _lease;
    private readonly ElevenLabsResponseKind _kind;
    private readonly ElevenLabsHistoryAudio _history;
    private HttpResponseMessage? _recovery;
    private Stream? _body;
    private StreamReader? _lines;
    private byte[]? _buffer;
    private AudioChunk? _first;
    private bool _jsonRead;
    private bool _recoveryTried;
    private long _delivered;
    private int _disposed;

    private ElevenLabsAudioStream(HttpResponseMessage response, IDisposable lease, ElevenLabsResponseKind kind, ElevenLabsHistoryAudio history)
    {
        _response = response;
        _lease = lease;
        _kind = kind;
        _history = history;
        RequestId = ElevenLabsHeaders.Read(response, ElevenLabsHeaders.RequestId);
        HistoryItemId = ElevenLabsHeaders.Read(response, ElevenLabsHeaders.HistoryItemId);
        BilledCredits = ElevenLabsHeaders.ReadCharacterCost(response);
    }

    public string? RequestId { get; }

    public string? HistoryItemId { get; }

    public int BilledCredits { get; }

    /// <summary>Whether the audio came (partly) from History after the original body broke.</summary>
    public bool Recovered => _recovery is not null;

    /// <summary>Reads the first chunk of a 200 answer; a broken body is recovered or fails as paid, never as retryable.</summary>
    public static async Task<ElevenLabsAudioStream> OpenAsync(HttpResponseMessage response, IDisposable lease, ElevenLabsResponseKind kind, ElevenLabsHistoryAudio history, CancellationToken cancellationToken)
    {
        var stream = new ElevenLabsAudioStream(response, lease, kind, history);
        try
        {
            stream._body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            stream._first = await stream.ReadPaidAsync(cancellationToken).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async IAsyncEnumerable<AudioChunk> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            var next = _first;
            _first = null;
            while (next is { } chunk)
            {
                yield return chunk;
                next = await ReadPaidAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _lines?.Dispose();
            _body?.Dispose();
            _recovery?.Dispose();
            _response.Dispose();
            _lease.Dispose();
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }
        }

        return ValueTask.CompletedTask;
    }

    private async Task<AudioChunk?> ReadPaidAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var chunk = await ReadNextAsync(cancellationToken).ConfigureAwait(false);
                _delivered += chunk?.Audio.Length ?? 0;
                return chunk;
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException or JsonException or FormatException)
            {
                if (!await TryRecoverAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw Broken(exception);
                }
            }
        }
    }

    // Raw audio only: a timestamped body's alignment is not in History, and a clip without it would be served as if whole.
    private async Task<bool> TryRecoverAsync(CancellationToken cancellationToken)
    {
        if (_recoveryTried || _kind != ElevenLabsResponseKind.Audio || HistoryItemId is null || _response.Content.Headers.ContentType?.MediaType is not { } mediaType)
        {
            return false;
        }

        _recoveryTried = true;
        var recovery = await _history.OpenAsync(HistoryItemId, mediaType, cancellationToken).ConfigureAwait(false);
        if (recovery is null)
        {
            return false;
        }

        _recovery = recovery;
        _body?.Dispose();
        try
        {
            _body = await recovery.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await SkipAsync(_delivered, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return false;
        }
    }

    // The caller already has the first bytes of the clip: continue after them.
    private async Task<bool> SkipAsync(long count, CancellationToken cancellationToken)
    {
        _buffer ??= ArrayPool<byte>.Shared.Rent(BufferSize);
        while (count > 0)
        {
            var read = await _body!.ReadAsync(_buffer.AsMemory(0, (int)Math.Min(_buffer.Length, count)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            count -= read;
        }

        return true;
    }

    private ElevenLabsException Broken(Exception exception) => new(
        502,
        "stream_interrupted",
        _delivered == 0
            ? $"The ElevenLabs response broke before any audio arrived, after the request was billed ({BilledCredits} credits); it was not sent again and History could not supply the clip."
            : "The ElevenLabs audio stream broke after audio had reached the caller; it was not retried (the request was already billed).",
        exception)
    {
        AfterAudioStarted = true,
        RequestId = RequestId,
        BilledCredits = BilledCredits,
    };

    private Task<AudioChunk?> ReadNextAsync(CancellationToken cancellationToken) => _kind switch
    {
        ElevenLabsResponseKind.Audio => ReadAudioAsync(cancellationToken),
        ElevenLabsResponseKind.TimestampLines => ReadLineAsync(cancellationToken),
        _ => ReadJsonOnceAsync(cancellationToken),
    };

    private async Task<AudioChunk?> ReadAudioAsync(CancellationToken cancellationToken)
    {
        _buffer ??= ArrayPool<byte>.Shared.Rent(BufferSize);
        var read = await _body!.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);

        // Each chunk gets its own exact-size array: callers may keep chunks (the cache tees them); the pooled buffer is ours.
        return read == 0 ? null : new AudioChunk(_buffer.AsSpan(0, read).ToArray());
    }

    private async Task<AudioChunk?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _lines ??= new StreamReader(_body!, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, BufferSize);
        while (await _lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return ToChunk(JsonSerializer.Deserialize(line, ElevenLabsJsonContext.Default.TimestampedAudioBody));
            }
        }

        return null;
    }

    private async Task<AudioChunk?> ReadJsonOnceAsync(CancellationToken cancellationToken)
    {
        if (_jsonRead)
        {
            return null;
        }

        _jsonRead = true;
        var body = await JsonSerializer.DeserializeAsync(_body!, ElevenLabsJsonContext.Default.TimestampedAudioBody, cancellationToken).ConfigureAwait(false);
        return ToChunk(body);
    }

    private static AudioChunk ToChunk(TimestampedAudioBody? body)
        => new(body?.AudioBase64 is { Length: > 0 } audio ? Convert.FromBase64String(audio) : ReadOnlyMemory<byte>.Empty)
        {
            Alignment = body?.Alignment,
            NormalizedAlignment = body?.NormalizedAlignment,
        };
}
