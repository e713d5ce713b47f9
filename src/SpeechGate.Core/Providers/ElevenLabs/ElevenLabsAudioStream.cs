using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SpeechGate.Providers.ElevenLabs.Wire;
using SpeechGate.Synthesis;

namespace SpeechGate.Providers.ElevenLabs;

/// <summary>Reads a successful text-to-speech body chunk by chunk, as the bytes arrive, without holding the clip.</summary>
/// <remarks>
/// <see cref="OpenAsync"/> reads the first chunk, so a connection that fails before any audio is still retryable.
/// Failures after that surface as a <see cref="ElevenLabsException"/> with <c>AfterAudioStarted</c> and are never
/// retried. Owns the response and the concurrency lease until the end or <see cref="DisposeAsync"/>.
/// </remarks>
internal sealed class ElevenLabsAudioStream : IAsyncDisposable
{
    private const int BufferSize = 16 * 1024;

    private readonly HttpResponseMessage _response;
    private readonly IDisposable _lease;
    private readonly ElevenLabsResponseKind _kind;
    private Stream? _body;
    private StreamReader? _lines;
    private byte[]? _buffer;
    private AudioChunk? _first;
    private bool _jsonRead;
    private int _disposed;

    private ElevenLabsAudioStream(HttpResponseMessage response, IDisposable lease, ElevenLabsResponseKind kind)
    {
        _response = response;
        _lease = lease;
        _kind = kind;
    }

    public static async Task<ElevenLabsAudioStream> OpenAsync(HttpResponseMessage response, IDisposable lease, ElevenLabsResponseKind kind, CancellationToken cancellationToken)
    {
        var stream = new ElevenLabsAudioStream(response, lease, kind);
        try
        {
            stream._body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            stream._first = await stream.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async IAsyncEnumerable<AudioChunk> ReadAllAsync(string? requestId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            var next = _first;
            _first = null;
            while (next is { } chunk)
            {
                yield return chunk;
                next = await ReadAfterAudioStartedAsync(requestId, cancellationToken).ConfigureAwait(false);
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
            _response.Dispose();
            _lease.Dispose();
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }
        }

        return ValueTask.CompletedTask;
    }

    private async Task<AudioChunk?> ReadAfterAudioStartedAsync(string? requestId, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadNextAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or JsonException or FormatException)
        {
            throw new ElevenLabsException(502, "stream_interrupted", "The ElevenLabs audio stream broke after audio had reached the caller; it was not retried (the request was already billed).", exception)
            {
                AfterAudioStarted = true,
                RequestId = requestId,
            };
        }
    }

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
