namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>What the fake received and answered, for assertions.</summary>
public sealed class FakeElevenLabsRequest
{
    /// <summary>Arrival order, from 1.</summary>
    public int Sequence { get; init; }

    /// <summary>HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Path without query.</summary>
    public required string Path { get; init; }

    /// <summary>Raw query string, with the leading <c>?</c>, or empty.</summary>
    public required string Query { get; init; }

    /// <summary>The body as text.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>The <c>xi-api-key</c> sent, if any.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The status answered.</summary>
    public int StatusCode { get; set; }

    /// <summary>The error status string, for errors.</summary>
    public string? ErrorStatus { get; set; }

    /// <summary>Credits charged for this request.</summary>
    public int BilledCharacters { get; set; }

    /// <summary>The <c>request-id</c> header sent.</summary>
    public string? RequestId { get; set; }

    /// <summary>The <c>history-item-id</c> header sent.</summary>
    public string? HistoryItemId { get; set; }

    /// <summary>Audio bytes written (before base64 for timestamp variants).</summary>
    public long AudioBytesSent { get; set; }

    /// <summary>Chunks written and flushed.</summary>
    public int ChunksSent { get; set; }

    /// <summary>Whether the connection was aborted on purpose.</summary>
    public bool Aborted { get; set; }
}
