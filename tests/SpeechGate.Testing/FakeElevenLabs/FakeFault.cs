namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>A failure the fake injects into the next request whose path starts with <see cref="PathPrefix"/>.</summary>
public sealed record FakeFault(FakeFaultKind Kind)
{
    /// <summary>Which requests it applies to; text-to-speech by default.</summary>
    public string PathPrefix { get; init; } = "/v1/text-to-speech/";

    /// <summary>Bytes sent before a reset.</summary>
    public int Bytes { get; init; }

    /// <summary>Retry-After or chunk delay.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Send the retry delay as <c>retry-after-ms</c> instead of <c>Retry-After</c> seconds.</summary>
    public bool DelayInMilliseconds { get; init; }

    /// <summary>For a reset: the fake waits for this before aborting (e.g. until the client has seen audio).</summary>
    /// <remarks>A TCP reset discards data the client has not read yet, so without a gate the client may see no byte at all.</remarks>
    public Task? Gate { get; init; }

    /// <summary>500 something_went_wrong.</summary>
    public static FakeFault ServerError() => new(FakeFaultKind.ServerError);

    /// <summary>429 system_busy asking to wait <paramref name="retryAfter"/>.</summary>
    public static FakeFault SystemBusy(TimeSpan retryAfter, bool inMilliseconds = false)
        => new(FakeFaultKind.SystemBusy) { Delay = retryAfter, DelayInMilliseconds = inMilliseconds };

    /// <summary>429 too_many_concurrent_requests.</summary>
    public static FakeFault TooManyConcurrentRequests() => new(FakeFaultKind.TooManyConcurrentRequests);

    /// <summary>Connection reset before the response.</summary>
    public static FakeFault ResetBeforeResponse() => new(FakeFaultKind.ResetBeforeResponse);

    /// <summary>Connection reset after <paramref name="bytes"/> body bytes.</summary>
    public static FakeFault ResetAfterBytes(int bytes, Task? gate = null) => new(FakeFaultKind.ResetAfterBytes) { Bytes = bytes, Gate = gate };

    /// <summary>Holds the next request, unbilled, until <paramref name="gate"/> completes.</summary>
    public static FakeFault Hold(Task gate) => new(FakeFaultKind.Hold) { Gate = gate };

    /// <summary>A slow body: <paramref name="interval"/> between chunks.</summary>
    public static FakeFault SlowBody(TimeSpan interval) => new(FakeFaultKind.SlowBody) { Delay = interval };
}
