using SpeechGate.Proofing.Rules;
using SpeechGate.Proofing.Text;

namespace SpeechGate.Proofing;

/// <summary>Proofs one line of text, applies fixes, and normalises billed noise away.</summary>
/// <remarks>Stateless and thread-safe (a shared <see cref="ProofSettings.Spelling"/> is itself thread-safe).</remarks>
public static class TextProofer
{
    /// <summary>Everything worth saying about <paramref name="text"/>, in order of position.</summary>
    public static IReadOnlyList<ProofFinding> Proof(string text, ProofSettings settings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(settings);
        var findings = new List<ProofFinding>();
        BilledNoise.Scan(text, settings.CreditsPerCharacter, findings);
        findings.RemoveAll(finding => settings.Ignores(finding.Code));
        var claimed = new SpanSet();
        Markup.Scan(text, settings, claimed, findings);
        Limits.Scan(text, settings, findings);
        if (settings.SpokenForms)
        {
            SpokenForms.Scan(text, settings, claimed, findings);
        }

        Quotes.Scan(text, settings, claimed, findings);
        if (settings.Spelling is { } spelling && !settings.Ignores(ProofCodes.Spelling))
        {
            spelling.Scan(text, settings, claimed, findings);
        }

        findings.Sort(static (a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : string.CompareOrdinal(a.Code, b.Code));
        return findings;
    }

    /// <summary>
    /// The text with billed noise removed (whitespace runs, blanks at the ends, invisible characters, NFC): the fixes
    /// that cannot change the spoken words. Returns the same instance when there is nothing to remove.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var pass = 0; pass < 4 && !BilledNoise.IsClean(text); pass++)
        {
            var findings = new List<ProofFinding>();
            BilledNoise.Scan(text, 0, findings);
            text = Apply(text, findings);
        }

        return text;
    }

    /// <summary>Applies the <see cref="ProofFinding.Replacement"/> of each finding; overlapping ones after the first are skipped.</summary>
    public static string Apply(string text, IEnumerable<ProofFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        var edits = findings.Where(finding => finding.Replacement is not null).OrderBy(finding => finding.Offset).ToList();
        if (edits.Count == 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var edit in edits)
        {
            if (edit.Offset < position)
            {
                continue;
            }

            builder.Append(text, position, edit.Offset - position).Append(edit.Replacement);
            position = edit.Offset + edit.Length;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}
