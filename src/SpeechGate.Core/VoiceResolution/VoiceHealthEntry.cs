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

    /// <summary>A sentence for people.</summary>
    public string? Message { get; init; }
}
