using System.Text.Json.Serialization;

namespace SpeechGate.Providers.ElevenLabs.Wire;

/// <summary>Body of <c>POST /v1/text-to-voice/design</c>; null members are not sent.</summary>
/// <param name="VoiceDescription">What the voice should sound like.</param>
public sealed record ElevenLabsVoiceDesignRequest(string VoiceDescription)
{
    /// <summary><c>eleven_multilingual_ttv_v2</c> (API default) or <c>eleven_ttv_v3</c>.</summary>
    public string? ModelId { get; init; }

    /// <summary>Preview text, 100–1000 characters.</summary>
    public string? Text { get; init; }

    /// <summary>Let the API write the preview text.</summary>
    public bool? AutoGenerateText { get; init; }

    /// <summary>Best-effort determinism.</summary>
    public uint? Seed { get; init; }

    /// <summary>How closely to follow the description (API default 5).</summary>
    public double? GuidanceScale { get; init; }

    /// <summary>Query <c>output_format</c> of the previews (API default <c>mp3_44100_192</c>).</summary>
    [JsonIgnore]
    public string? OutputFormat { get; init; }
}
