namespace SpeechGate.VoiceResolution;

/// <summary>The result of a voice health check (serialisable; served at <c>GET /v1/speechgate/voices/health</c>).</summary>
/// <param name="CheckedAt">When the check ran.</param>
/// <param name="Voices">Every checked voice.</param>
public sealed record VoiceHealthReport(DateTimeOffset CheckedAt, IReadOnlyList<VoiceHealthEntry> Voices)
{
    /// <summary>
    /// False when any load-bearing voice is missing or unusable, has an announced removal, or is a raw library id
    /// (not in My Voices) with no fallback: each of those can fail a render without warning.
    /// </summary>
    public bool Healthy => Broken.Count == 0;

    /// <summary>The load-bearing voices that fail the check (see <see cref="VoiceHealthEntry.Problem"/>).</summary>
    public IReadOnlyList<VoiceHealthEntry> Broken => [.. Voices.Where(voice => voice.Problem is not null)];
}
