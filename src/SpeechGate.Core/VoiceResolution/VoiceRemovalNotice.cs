namespace SpeechGate.VoiceResolution;

/// <summary>ElevenLabs announced that a shared voice will be removed (or has been).</summary>
/// <param name="VoiceId">The voice the notice names.</param>
/// <param name="Event"><c>voice_removal_notice</c> or <c>voice_removed</c>.</param>
/// <param name="ReceivedAt">When the webhook arrived.</param>
public sealed record VoiceRemovalNotice(string VoiceId, string Event, DateTimeOffset ReceivedAt)
{
    /// <summary>The voice's name, when the event carried it.</summary>
    public string? VoiceName { get; init; }

    /// <summary>When the voice will be (or was) removed, when the event said.</summary>
    public DateTimeOffset? RemovalAt { get; init; }

    /// <summary>Whether the voice is already gone (<c>voice_removed</c>) rather than announced.</summary>
    public bool Removed => Event == VoiceWebhookEvents.Removed;

    /// <summary>A phrase for people: "removal announced for 2027-01-15", "removed on …".</summary>
    public string Describe() => Removed
        ? $"removed{(RemovalAt is { } at ? " on " + at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "")} (ElevenLabs voice_removed)"
        : $"removal announced for {(RemovalAt is { } date ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "an unstated date")} (ElevenLabs voice_removal_notice received {ReceivedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)})";
}

/// <summary>The workspace webhook events about shared voices.</summary>
public static class VoiceWebhookEvents
{
    /// <summary>A shared voice is scheduled to be removed.</summary>
    public const string RemovalNotice = "voice_removal_notice";

    /// <summary>A shared voice is no longer scheduled for removal.</summary>
    public const string RemovalNoticeWithdrawn = "voice_removal_notice_withdrawn";

    /// <summary>A shared voice has been removed and is no longer usable.</summary>
    public const string Removed = "voice_removed";
}
