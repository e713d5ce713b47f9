using System.Globalization;
using System.Text.RegularExpressions;
using SpeechGate.Proofing.Text;

namespace SpeechGate.Proofing.Rules;

/// <summary>SSML-like markup: every tag closed, <c>&lt;break&gt;</c> at most 3 s (ElevenLabs' limit), no unknown tags.</summary>
internal static partial class Markup
{
    private const double LongestBreakSeconds = 3.0;

    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "speak", "break", "phoneme", "say-as", "emphasis", "prosody", "sub", "voice", "p", "s", "lang", "mark", "lexicon",
    };

    public static void Scan(string text, ProofSettings settings, SpanSet claimed, List<ProofFinding> findings)
    {
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            return;
        }

        var open = new Stack<Match>();
        foreach (Match tag in Tag().Matches(text))
        {
            claimed.Add(tag.Index, tag.Length);
            var name = tag.Groups["name"].Value;
            var closing = tag.Groups["close"].Success;
            var selfClosing = tag.Groups["self"].Success || name.Equals("break", StringComparison.OrdinalIgnoreCase);
            if (!Known.Contains(name))
            {
                Add(findings, settings, ProofSeverity.Warning, tag, $"unknown tag <{name}>: voices may read it aloud", "remove it, or use <break>, <phoneme> or a lexicon alias");
            }

            if (name.Equals("break", StringComparison.OrdinalIgnoreCase))
            {
                CheckBreak(tag, settings, findings);
            }

            if (closing)
            {
                if (open.Count > 0 && open.Peek().Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    open.Pop();
                }
                else
                {
                    Add(findings, settings, ProofSeverity.Error, tag, $"</{name}> closes a tag that is not open", "remove it or open the tag before");
                }
            }
            else if (!selfClosing)
            {
                open.Push(tag);
            }
        }

        foreach (var tag in open)
        {
            var name = tag.Groups["name"].Value;
            Add(findings, settings, ProofSeverity.Error, tag, $"<{name}> is never closed", $"close it with </{name}> or write <{name} … />");
        }
    }

    private static void CheckBreak(Match tag, ProofSettings settings, List<ProofFinding> findings)
    {
        var time = BreakTime().Match(tag.Value);
        if (!time.Success)
        {
            return;
        }

        var seconds = double.Parse(time.Groups["value"].Value, CultureInfo.InvariantCulture) / (time.Groups["unit"].Value == "ms" ? 1000 : 1);
        if (seconds > LongestBreakSeconds && !settings.Ignores(ProofCodes.Break))
        {
            var replacement = "<break time=\"3.0s\" />";
            var delta = BilledCharacters.Count(replacement) - BilledCharacters.Count(tag.Value);
            findings.Add(new ProofFinding(ProofCodes.Break, ProofSeverity.Error, tag.Index, tag.Length,
                string.Create(CultureInfo.InvariantCulture, $"a {seconds:0.###} s break: ElevenLabs honours at most 3 s"))
            {
                Suggestion = replacement + " (split the line for a longer pause)",
                Replacement = replacement,
                CharacterDelta = delta,
                CreditDelta = delta * settings.CreditsPerCharacter,
            });
        }
    }

    private static void Add(List<ProofFinding> findings, ProofSettings settings, ProofSeverity severity, Match tag, string message, string suggestion)
    {
        if (!settings.Ignores(ProofCodes.Tag))
        {
            findings.Add(new ProofFinding(ProofCodes.Tag, severity, tag.Index, tag.Length, message) { Suggestion = suggestion });
        }
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>[A-Za-z][\w:-]*)(?<attributes>[^<>]*?)(?<self>/)?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"time\s*=\s*[""']?\s*(?<value>\d+(?:\.\d+)?)\s*(?<unit>ms|s)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BreakTime();
}
