using SpeechGate.Proofing.Text;

namespace SpeechGate.Proofing.Rules;

/// <summary>A line that is empty, longer than the model accepts, or in a language the model or voice does not speak.</summary>
internal static class Limits
{
    public static void Scan(string text, ProofSettings settings, List<ProofFinding> findings)
    {
        if (!settings.Ignores(ProofCodes.Empty) && TextProofer.Normalize(text).Length == 0)
        {
            findings.Add(new ProofFinding(ProofCodes.Empty, ProofSeverity.Error, 0, text.Length, "nothing to say: the line is empty once blanks are removed")
            {
                Suggestion = "remove the line or write its text",
            });
        }

        var characters = BilledCharacters.Count(text);
        if (characters > settings.CharacterLimit && !settings.Ignores(ProofCodes.Limit))
        {
            var offset = OffsetOfCharacter(text, settings.CharacterLimit);
            findings.Add(new ProofFinding(ProofCodes.Limit, ProofSeverity.Error, offset, text.Length - offset,
                $"{characters:N0} characters: {characters - settings.CharacterLimit:N0} over {settings.ModelId}'s limit of {settings.CharacterLimit:N0} per request")
            {
                Suggestion = "split the line before this point",
            });
        }

        if (settings.Language is { Length: > 0 } language && !settings.Ignores(ProofCodes.Language))
        {
            var code = LanguageCode(language);
            if (settings.ModelLanguages.Count > 0 && !settings.ModelLanguages.Contains(code, StringComparer.OrdinalIgnoreCase))
            {
                findings.Add(new ProofFinding(ProofCodes.Language, ProofSeverity.Error, 0, 0, $"{settings.ModelId} does not speak '{code}'")
                {
                    Suggestion = "choose a multilingual model (eleven_multilingual_v2, eleven_flash_v2_5)",
                });
            }
            else if (settings.VoiceLanguage is { Length: > 0 } voice && !LanguageCode(voice).Equals(code, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new ProofFinding(ProofCodes.Language, ProofSeverity.Warning, 0, 0, $"the line is '{code}' but its voice speaks '{LanguageCode(voice)}'")
                {
                    Suggestion = "choose a voice for this language",
                });
            }
        }
    }

    /// <summary>"en-US" → "en".</summary>
    public static string LanguageCode(string language) => language.Split('-', '_')[0].ToLowerInvariant();

    private static int OffsetOfCharacter(string text, int characters)
    {
        var offset = 0;
        for (var seen = 0; seen < characters && offset < text.Length; seen++)
        {
            offset += char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length ? 2 : 1;
        }

        return offset;
    }
}
