namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>One page of the shared voice library.</summary>
/// <param name="Voices">The voices on this page.</param>
/// <param name="HasMore">Whether another page follows.</param>
/// <param name="TotalCount">Matching voices.</param>
/// <param name="LastSortId">Cursor of the last voice.</param>
public sealed record ElevenLabsSharedVoicePage(IReadOnlyList<ElevenLabsSharedVoice> Voices, bool HasMore, int? TotalCount = null, string? LastSortId = null);
