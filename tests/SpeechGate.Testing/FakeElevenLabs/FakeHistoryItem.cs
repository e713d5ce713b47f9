namespace SpeechGate.Testing.FakeElevenLabs;

/// <summary>A generation the fake billed, as <c>GET /v1/history/{id}</c> returns it.</summary>
/// <param name="HistoryItemId">Its id (the <c>history-item-id</c> header).</param>
/// <param name="RequestId">The <c>request-id</c> header.</param>
/// <param name="VoiceId">Voice used.</param>
/// <param name="ModelId">Model used.</param>
/// <param name="Text">Text spoken.</param>
/// <param name="CharacterCountChangeFrom">Subscription counter before.</param>
/// <param name="CharacterCountChangeTo">Subscription counter after.</param>
/// <param name="OutputFormat">Format produced.</param>
public sealed record FakeHistoryItem(
    string HistoryItemId,
    string RequestId,
    string VoiceId,
    string ModelId,
    string Text,
    long CharacterCountChangeFrom,
    long CharacterCountChangeTo,
    string OutputFormat)
{
    /// <summary>What the generated audio was derived from (see <see cref="FakeAudio"/>), so History can serve the same bytes.</summary>
    public string? AudioIdentity { get; init; }

    /// <summary>The clip's length in seconds.</summary>
    public double Seconds { get; init; }
}
