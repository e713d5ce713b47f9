using System.Collections.Immutable;

namespace SpeechGate.VoiceResolution;

/// <summary>The contents of <c>voices.lock</c>: pins by alias or by the voice id that was pinned.</summary>
public sealed class VoiceLock
{
    /// <summary>A lock with no pins.</summary>
    public static VoiceLock Empty { get; } = new(ImmutableSortedDictionary<string, VoicePin>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>Creates a lock from its pins.</summary>
    public VoiceLock(ImmutableSortedDictionary<string, VoicePin> pins) => Pins = pins;

    /// <summary>Pins by key (an alias, or a raw voice id pinned without one), sorted for stable diffs.</summary>
    public ImmutableSortedDictionary<string, VoicePin> Pins { get; }

    /// <summary>The pin for an alias or voice id, or null.</summary>
    public VoicePin? Find(string key) => Pins.GetValueOrDefault(key);

    /// <summary>A copy with <paramref name="pin"/> stored under <paramref name="key"/>.</summary>
    public VoiceLock With(string key, VoicePin pin) => new(Pins.SetItem(key, pin));
}
