using System.Globalization;
using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover.Rendering;

/// <summary>An EBU R128 target for the joined track: a preset name or a LUFS number, with a −1 dBTP true-peak ceiling.</summary>
/// <param name="Name">The preset as given (<c>podcast</c>, <c>youtube</c>, <c>broadcast</c>) or the number.</param>
/// <param name="IntegratedLufs">Target integrated loudness.</param>
public sealed record LoudnessTarget(string Name, double IntegratedLufs)
{
    /// <summary>The true-peak ceiling every preset keeps, in dBTP.</summary>
    public const double TruePeakCeiling = -1.0;

    /// <summary>Podcasts (−16 LUFS), the default.</summary>
    public static LoudnessTarget Podcast { get; } = new("podcast", -16);

    /// <summary>Parses <c>podcast</c> (−16), <c>youtube</c> (−14), <c>broadcast</c> (EBU R128, −23) or a number in −40…−5.</summary>
    /// <exception cref="SpeechException">Not a preset and not a number in range (a validation error).</exception>
    public static LoudnessTarget Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "podcast" => Podcast,
        "youtube" => new("youtube", -14),
        "broadcast" => new("broadcast", -23),
        var number when double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var lufs) && lufs is >= -40 and <= -5
            => new(number, lufs),
        _ => throw SpeechException.Validation("loudness", $"Loudness '{value}' is not podcast, youtube, broadcast or a LUFS number between -40 and -5."),
    };
}
