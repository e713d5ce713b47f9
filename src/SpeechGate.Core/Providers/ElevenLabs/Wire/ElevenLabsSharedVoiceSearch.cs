namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>Query of <c>GET /v1/shared-voices</c>; null members are not sent.</summary>
public sealed record ElevenLabsSharedVoiceSearch
{
    /// <summary>1–100; the API's default is 30.</summary>
    public int? PageSize { get; init; }

    /// <summary>Zero-based page number.</summary>
    public int? Page { get; init; }

    /// <summary>Search text.</summary>
    public string? Search { get; init; }

    /// <summary>Voice category.</summary>
    public string? Category { get; init; }

    /// <summary>Gender label.</summary>
    public string? Gender { get; init; }

    /// <summary>Age label.</summary>
    public string? Age { get; init; }

    /// <summary>Accent label.</summary>
    public string? Accent { get; init; }

    /// <summary>Language code.</summary>
    public string? Language { get; init; }

    /// <summary>Only featured voices.</summary>
    public bool? Featured { get; init; }
}
