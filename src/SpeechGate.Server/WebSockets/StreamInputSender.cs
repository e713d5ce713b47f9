using System.Net.WebSockets;

namespace SpeechGate.Server.WebSockets;

/// <summary>Serialises sends on one socket (generation and error replies come from different loops) and closes it.</summary>
internal sealed class StreamInputSender(WebSocket socket, CancellationToken aborted) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public async Task SendAsync(byte[] message)
    {
        await _sendLock.WaitAsync(aborted);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, aborted);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task TrySendAsync(byte[] message)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await SendAsync(message);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The client is gone; nothing left to tell it.
            }
        }
    }

    public async Task CloseAsync(WebSocketCloseStatus status, string? reason)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));

        // A close reason may hold at most 123 UTF-8 bytes.
        var description = reason is { Length: > 120 } ? reason[..120] : reason;
        try
        {
            // Only our close frame: a receive may still be pending (StreamInputReader), and it takes the client's answer.
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _sendLock.WaitAsync(timeout.Token);
                try
                {
                    await socket.CloseOutputAsync(status, description, timeout.Token);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
    }

    public void Dispose() => _sendLock.Dispose();
}
