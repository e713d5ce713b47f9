using System.Net.WebSockets;

namespace SpeechGate.Server.WebSockets;

/// <summary>
/// Reads whole text messages with an inactivity timeout that never cancels the socket's receive: cancelling a pending
/// WebSocket receive aborts the connection, and then the error message and close code could not be sent. A receive
/// outstanding when the wait ends stays pending and is picked up by the next read or by <see cref="DrainAsync"/>.
/// </summary>
internal sealed class MultiStreamReader(WebSocket socket)
{
    private const int MaxMessageBytes = 1024 * 1024;

    private readonly byte[] _buffer = new byte[16 * 1024];
    private Task<WebSocketReceiveResult>? _pending;

    /// <summary>The next message; null when the client closed. Throws <see cref="TimeoutException"/> after <paramref name="inactivity"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="stop"/> was cancelled (the receive stays pending).</exception>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(TimeSpan inactivity, CancellationToken stop)
    {
        using var message = new MemoryStream();
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop);
        idle.CancelAfter(inactivity);
        while (true)
        {
            var result = await NextAsync(idle.Token, stop);
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

    /// <summary>After our close frame: reads (and drops) messages until the client's close frame, at most <paramref name="wait"/>.</summary>
    public async Task DrainAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                if ((await NextAsync(timeout.Token, CancellationToken.None)).MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is TimeoutException or WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
    }

    private async Task<WebSocketReceiveResult> NextAsync(CancellationToken wait, CancellationToken stop)
    {
        _pending ??= socket.ReceiveAsync(_buffer, CancellationToken.None);
        try
        {
            await _pending.WaitAsync(wait);
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            stop.ThrowIfCancellationRequested();
            throw new TimeoutException("No input within the inactivity timeout.");
        }

        var result = await _pending;
        _pending = null;
        return result;
    }
}
