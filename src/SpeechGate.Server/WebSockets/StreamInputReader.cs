using System.Net.WebSockets;

namespace SpeechGate.Server.WebSockets;

/// <summary>Reads whole text messages (joining fragments) with an inactivity timeout; null when the client closes.</summary>
/// <remarks>
/// A receive on the socket is never cancelled: cancelling a WebSocket receive aborts the socket, and the client would
/// then see 1006 instead of the error message and its 1008/1011 close. A timeout or a stop leaves the receive pending;
/// <see cref="DrainAsync"/> lets it take the client's answer to our close.
/// </remarks>
internal sealed class StreamInputReader(WebSocket socket)
{
    private const int MaxMessageBytes = 1024 * 1024;

    private readonly byte[] _buffer = new byte[16 * 1024];
    private Task<ReadOnlyMemory<byte>?>? _pending;

    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(TimeSpan inactivity, CancellationToken cancellationToken)
    {
        _pending ??= ReadMessageAsync();
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var done = await Task.WhenAny(_pending, Task.Delay(inactivity, waiting.Token));
        await waiting.CancelAsync();
        if (done != _pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException("No input within the inactivity timeout.");
        }

        var message = _pending;
        _pending = null;
        return await message;
    }

    /// <summary>After our close frame: waits (bounded) for the client's close, so the socket ends cleanly.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        try
        {
            while (socket.State is WebSocketState.CloseSent or WebSocketState.Open)
            {
                var pending = _pending ??= ReadMessageAsync();
                if (await Task.WhenAny(pending, Task.Delay(timeout)) != pending)
                {
                    return;
                }

                _pending = null;
                if (await pending is null)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or InvalidOperationException or OperationCanceledException)
        {
            // The client went away without answering our close.
        }
    }

    private async Task<ReadOnlyMemory<byte>?> ReadMessageAsync()
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(_buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(_buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                throw new InvalidOperationException("The message is larger than 1 MiB.");
            }

            if (result.EndOfMessage)
            {
                return message.ToArray();
            }
        }
    }
}
