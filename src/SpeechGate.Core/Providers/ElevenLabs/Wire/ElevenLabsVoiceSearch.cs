namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>Query of <c>GET /v2/voices</c>; null members are not sent.</summary>
public sealed record ElevenLabsVoiceSearch
{
    /// <summary>1–100; the API's default is 10.</summary>
    public int? PageSize { get; init; }

    /// <summary>The previous page's <see cref="ElevenLabsVoicePage.NextPageToken"/>.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>Search text (name, description, labels).</summary>
    public string? Search { get; init; }

    /// <summary><c>created_at_unix</c> or <c>name</c>.</summary>
    public string? Sort { get; init; }

    /// <summary><c>asc</c> or <c>desc</c>.</summary>
    public string? SortDirection { get; init; }

    /// <summary>personal, community, default, workspace, non-default, non-community or saved.</summary>
    public string? VoiceType { get; init; }

    /// <summary>premade, cloned, generated, professional…</summary>
    public string? Category { get; init; }

    /// <summary>Whether to count all matches (slower upstream).</summary>
    public bool? IncludeTotalCount { get; init; }
}
