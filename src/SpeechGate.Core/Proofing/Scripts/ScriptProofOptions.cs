using SpeechGate.Models;
using SpeechGate.Proofing.Spelling;

namespace SpeechGate.Proofing.Scripts;

/// <summary>How <see cref="ScriptProofer"/> proofs a script: defaults for lines that name none, spelling, silenced codes.</summary>
public sealed class ScriptProofOptions
{
    /// <summary>Model for lines (and scripts) that name none.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>Voice for lines that name none.</summary>
    public string? DefaultVoice { get; init; }

    /// <summary>The script's language, e.g. <c>en-US</c>; picks the dictionary and is checked against models and voices.</summary>
    public string? Language { get; init; }

    /// <summary>Spelling (null skips it).</summary>
    public SpellChecker? Spelling { get; init; }

    /// <summary>Codes to leave out.</summary>
    public IReadOnlySet<string> Ignore { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that are right as written (word list, voice names, lexicon graphemes).</summary>
    public IReadOnlySet<string> Words { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Credits per character of a model id (published rates, configured overrides); default the offline table.</summary>
    public Func<string, double> CreditsPerCharacter { get; init; } = model => KnownModels.Find(model)?.CreditsPerCharacter ?? 1.0;

    /// <summary>The language a voice speaks, where it is known.</summary>
    public Func<string, string?>? VoiceLanguage { get; init; }
}
