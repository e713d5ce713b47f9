using System.ComponentModel.DataAnnotations;

namespace SpeechGate.Synthesis;

/// <summary>Which provider answers requests that name none (configuration section <c>Providers</c>).</summary>
public sealed class SpeechProviderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Providers";

    /// <summary>Provider used when a request names none; <c>local</c> needs no key and no network.</summary>
    [Required]
    public string Default { get; set; } = SpeechProviderNames.Local;
}
