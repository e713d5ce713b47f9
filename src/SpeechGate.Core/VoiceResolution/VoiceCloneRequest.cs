namespace SpeechGate.VoiceResolution;

/// <summary>What instant voice cloning needs: a name and checked samples (see <see cref="VoiceSampleInspector"/>).</summary>
/// <param name="Name">The new voice's name.</param>
/// <param name="Samples">The samples, uploaded as they are.</param>
public sealed record VoiceCloneRequest(string Name, IReadOnlyList<VoiceSample> Samples)
{
    /// <summary>A description shown with the voice.</summary>
    public string? Description { get; init; }

    /// <summary>Labels (accent, gender, age, language, use_case…).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Ask the provider to remove background noise from the samples first.</summary>
    public bool RemoveBackgroundNoise { get; init; }
}
