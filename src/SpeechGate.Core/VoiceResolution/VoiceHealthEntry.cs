namespace SpeechGate.VoiceResolution;

/// <summary>One checked voice.</summary>
/// <param name="Name">The alias or voice id it is known by.</param>
/// <param name="VoiceId">The id that was checked (the stable id for a pin).</param>
/// <param name="Status">One of <see cref="VoiceHealthStatus"/>.</param>
/// <param name="Source"><c>pin</c>, <c>alias</c> or <c>recent</c>.</param>
/// <param name="LoadBearing">Whether a broken status fails the check (pins and aliases; not recent voices).</param>
public sealed record VoiceHealthEntry(string Name, string VoiceId, string Status, string Source, bool LoadBearing)
{
    /// <summary>The category now, when the voice exists.</summary>
    public string? Category { get; init; }

    /// <summary>The category recorded in the lockfile, when it changed.</summary>
    public string? PinnedCategory { get; init; }

    /// <summary>Who owns the voice: one of <see cref="VoiceOwnership"/>.</summary>
    public string Ownership { get; init; } = VoiceOwnership.Unknown;

    /// <summary>The fallbacks configured for it in <c>voices.yaml</c>.</summary>
    public IReadOnlyList<string> Fallbacks { get; init; } = [];

    /// <summary>Other aliases that use it (as their voice or as a fallback).</summary>
    public IReadOnlyList<string> DependedOnBy { get; init; } = [];

    /// <summary>When its announced removal takes effect, if a notice gave a date.</summary>
    public DateTimeOffset? RemovalAt { get; init; }

    /// <summary>Why a load-bearing voice fails the check, or null when it passes.</summary>
    public string? Problem => !LoadBearing ? null
        : VoiceHealthStatus.IsBroken(Status) ? Status
        : Status == VoiceHealthStatus.RemovalAnnounced ? Status
        : Ownership == VoiceOwnership.Library && Fallbacks.Count == 0 ? "raw_library_voice_without_fallback"
        : null;

    /// <summary>A sentence for people.</summary>
    public string? Message { get; init; }
}
