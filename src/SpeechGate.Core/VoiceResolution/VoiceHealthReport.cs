namespace SpeechGate.VoiceResolution;

/// <summary>The result of a voice health check (serialisable; served at <c>GET /v1/speechgate/voices/health</c>).</summary>
/// <param name="CheckedAt">When the check ran.</param>
/// <param name="Voices">Every checked voice.</param>
public sealed record VoiceHealthReport(DateTimeOffset CheckedAt, IReadOnlyList<VoiceHealthEntry> Voices)
{
    /// <summary>False when any load-bearing voice is missing or unusable.</summary>
    public bool Healthy => !Voices.Any(voice => voice.LoadBearing && VoiceHealthStatus.IsBroken(voice.Status));

    /// <summary>The load-bearing voices that are missing or unusable.</summary>
    public IReadOnlyList<VoiceHealthEntry> Broken => [.. Voices.Where(voice => voice.LoadBearing && VoiceHealthStatus.IsBroken(voice.Status))];
}
