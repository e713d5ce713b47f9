namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>Scripted failures the fake can inject into the next matching request.</summary>
public enum FakeFaultKind
{
    /// <summary>500 <c>something_went_wrong</c>, not billed.</summary>
    ServerError,

    /// <summary>429 <c>system_busy</c> with <c>Retry-After</c> (seconds) or <c>retry-after-ms</c>.</summary>
    SystemBusy,

    /// <summary>429 <c>too_many_concurrent_requests</c> regardless of the real count.</summary>
    TooManyConcurrentRequests,

    /// <summary>Aborts the connection before any response byte.</summary>
    ResetBeforeResponse,

    /// <summary>Sends headers and <see cref="FakeFault.Bytes"/> audio bytes, then aborts the connection (billed).</summary>
    ResetAfterBytes,

    /// <summary>Sends the body with <see cref="FakeFault.Delay"/> between chunks.</summary>
    SlowBody,

    /// <summary>Holds the request before charging until <see cref="FakeFault.Gate"/> completes (not billed if the client leaves).</summary>
    Hold,
}
