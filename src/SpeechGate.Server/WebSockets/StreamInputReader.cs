using System.Net.WebSockets;

namespace SpeechGate.Server.WebSockets;

/// <summary>Reads whole text messages (joining fragments) with an inactivity timeout; null when the client closes.</summary>
internal sealed class StreamInputReader(WebSocket socket)
{
    private const int MaxMessageBytes = 1024 * 1024;

    private readonly byte[] _buffer = new byte[16 * 1024];

    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(TimeSpan inactivity, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(inactivity);
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(_buffer, idle.Token);
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
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("No input within the inactivity timeout.");
        }
    }
}
