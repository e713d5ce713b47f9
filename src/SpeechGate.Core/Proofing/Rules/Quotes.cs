using SpeechGate.Proofing.Text;

namespace SpeechGate.Proofing.Rules;

/// <summary>The quotes policy: straight quotes, so a script pasted from a word processor keys the same clip as one typed.</summary>
internal static class Quotes
{
    public static void Scan(string text, ProofSettings settings, SpanSet claimed, List<ProofFinding> findings)
    {
        if (settings.Ignores(ProofCodes.Quotes))
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var straight = text[i] switch
            {
                '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => "\"",
                '\u2018' or '\u2019' or '\u201A' => "'",
                _ => null,
            };
            if (straight is null || claimed.Overlaps(i, 1))
            {
                continue;
            }

            findings.Add(new ProofFinding(ProofCodes.Quotes, ProofSeverity.Info, i, 1, $"typographic quote {text[i]}")
            {
                Suggestion = straight,
                Replacement = straight,
                IsSafeFix = true,
            });
        }
    }
}
