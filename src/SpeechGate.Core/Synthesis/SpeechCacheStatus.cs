namespace SpeechGate.Synthesis;

/// <summary>How the cache stage answered a request (<c>x-speechgate-cache</c>).</summary>
public enum SpeechCacheStatus
{
    /// <summary>No cache stage saw the request.</summary>
    None,

    /// <summary>Paid for and stored.</summary>
    Miss,

    /// <summary>Served from the store at no cost.</summary>
    Hit,

    /// <summary>Shared an identical in-flight request's upstream call.</summary>
    Coalesced,

    /// <summary>The caller asked for a fresh take.</summary>
    Bypass,
}
