namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>One page of <c>GET /v2/voices</c>.</summary>
/// <param name="Voices">The voices on this page.</param>
/// <param name="HasMore">Whether another page follows.</param>
/// <param name="TotalCount">Voices matching the search.</param>
/// <param name="NextPageToken">Pass to <see cref="ElevenLabsVoiceSearch.NextPageToken"/> for the next page.</param>
public sealed record ElevenLabsVoicePage(IReadOnlyList<ElevenLabsVoice> Voices, bool HasMore, int? TotalCount = null, string? NextPageToken = null);
