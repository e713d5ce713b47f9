namespace SpeechGate.Synthesis;

/// <summary>ElevenLabs voice settings; every field is optional and null means "the stored value".</summary>
public sealed record VoiceSettings
{
    /// <summary>The API's defaults, used to fill in omitted fields.</summary>
    public static VoiceSettings Defaults { get; } = new()
    {
        Stability = 0.5,
        SimilarityBoost = 0.75,
        Style = 0.0,
        UseSpeakerBoost = true,
        Speed = 1.0,
    };

    /// <summary>0..1, default 0.5.</summary>
    public double? Stability { get; init; }

    /// <summary>0..1, default 0.75.</summary>
    public double? SimilarityBoost { get; init; }

    /// <summary>Default 0.</summary>
    public double? Style { get; init; }

    /// <summary>Default true.</summary>
    public bool? UseSpeakerBoost { get; init; }

    /// <summary>Speaking rate; 1.0 is normal, ElevenLabs documents 0.7–1.2.</summary>
    public double? Speed { get; init; }

    /// <summary>Returns a copy with every null field taken from <paramref name="fallback"/>.</summary>
    public VoiceSettings WithDefaults(VoiceSettings? fallback = null)
    {
        var f = fallback ?? Defaults;
        return new VoiceSettings
        {
            Stability = Stability ?? f.Stability,
            SimilarityBoost = SimilarityBoost ?? f.SimilarityBoost,
            Style = Style ?? f.Style,
            UseSpeakerBoost = UseSpeakerBoost ?? f.UseSpeakerBoost,
            Speed = Speed ?? f.Speed,
        };
    }
}
