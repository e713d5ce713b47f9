using SpeechGate.Models;
using SpeechGate.Proofing.Spelling;

namespace SpeechGate.Proofing;

/// <summary>What a text is proofed against: the model's price and limit, languages, spelling, silenced codes.</summary>
public sealed class ProofSettings
{
    private HashSet<string> _words = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Credits one billed character costs on the line's model.</summary>
    public double CreditsPerCharacter { get; init; } = 1.0;

    /// <summary>The model's per-request character limit.</summary>
    public int CharacterLimit { get; init; } = KnownModels.Default.MaxCharactersPerRequest;

    /// <summary>The model id, for messages.</summary>
    public string ModelId { get; init; } = KnownModels.Default.ModelId;

    /// <summary>ISO 639-1 codes the model speaks; empty when unknown.</summary>
    public IReadOnlyCollection<string> ModelLanguages { get; init; } = [];

    /// <summary>The line's language (<c>en-US</c>, <c>de</c>…), when known.</summary>
    public string? Language { get; init; }

    /// <summary>The voice's language (from its labels), when known.</summary>
    public string? VoiceLanguage { get; init; }

    /// <summary>Spelling; null skips it (the pipeline never spell-checks).</summary>
    public SpellChecker? Spelling { get; init; }

    /// <summary>Whether to flag numbers, dates, abbreviations and the like (off in the pipeline).</summary>
    public bool SpokenForms { get; init; } = true;

    /// <summary>Codes to leave out, e.g. <c>SG-ACRONYM</c>.</summary>
    public IReadOnlySet<string> Ignore { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that are right as written (word list, voice names, lexicon graphemes); compared ignoring case.</summary>
    public IReadOnlySet<string> Words
    {
        get => _words;
        init => _words = new HashSet<string>(value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Settings for <paramref name="model"/> at <paramref name="creditsPerCharacter"/> (null: the model's list price).</summary>
    public static ProofSettings For(SpeechModel model, double? creditsPerCharacter = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ProofSettings
        {
            ModelId = model.ModelId,
            CharacterLimit = model.MaxCharactersPerRequest,
            CreditsPerCharacter = creditsPerCharacter ?? model.CreditsPerCharacter,
            ModelLanguages = model.Languages,
        };
    }

    internal bool Ignores(string code) => Ignore.Contains(code);

    internal bool Accepts(string word) => _words.Contains(word);
}
