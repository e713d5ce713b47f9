using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SpeechGate.Models;

namespace SpeechGate.Proofing.Scripts;

/// <summary>Proofs every line of a script file (plain text, YAML/JSON, SRT/WebVTT) and writes fixes back into it.</summary>
public sealed class ScriptProofer(ScriptProofOptions options)
{
    private const int MaximumFixPasses = 4;

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Proofs <paramref name="content"/>; <paramref name="name"/> (a file name) picks the format.</summary>
    /// <exception cref="Synthesis.SpeechException">422: the script cannot be read.</exception>
    public ScriptProofReport Proof(string content, string name)
    {
        var source = ScriptSource.Read(content, name);
        var lines = new List<ProofedLine>(source.Script.Lines.Count);
        for (var i = 0; i < source.Script.Lines.Count; i++)
        {
            var line = source.Script.Lines[i];
            var span = source.Spans[i];
            var model = line.Model ?? source.Script.Model ?? options.DefaultModel ?? KnownModels.Default.ModelId;
            var voice = line.Voice ?? source.Script.Voice ?? options.DefaultVoice;
            var settings = SettingsFor(model, voice);
            var findings = TextProofer.Proof(line.Text, settings).Select(finding =>
            {
                var (row, column) = source.Position(span.OffsetOf(finding.Offset));
                return finding with { LineId = line.Id, Line = row, Column = column };
            });
            lines.Add(new ProofedLine(line.Id ?? $"line-{i + 1}", line.Text, voice, model, source.Position(span.Start).Line, [.. findings]));
        }

        return new ScriptProofReport(name, lines);
    }

    /// <summary>
    /// Applies the fixes <paramref name="include"/> accepts (e.g. the safe ones) and proofs again until none is left,
    /// so the result re-proofs clean of them.
    /// </summary>
    public ScriptFix Fix(string content, string name, Func<ProofFinding, bool> include)
    {
        ArgumentNullException.ThrowIfNull(include);
        var applied = new List<ProofFinding>();
        var crlf = content.Contains("\r\n", StringComparison.Ordinal);
        for (var pass = 0; pass < MaximumFixPasses; pass++)
        {
            var source = ScriptSource.Read(content, name);
            var report = Proof(content, name);
            var edits = new List<(int Start, int End, string Text)>();
            for (var i = 0; i < report.Lines.Count; i++)
            {
                var chosen = report.Lines[i].Findings.Where(finding => finding.Replacement is not null && include(finding)).ToList();
                if (chosen.Count == 0)
                {
                    continue;
                }

                if (pass == 0)
                {
                    applied.AddRange(chosen);
                }

                edits.AddRange(EditsFor(source, source.Spans[i], report.Lines[i].Text, chosen));
            }

            if (edits.Count == 0)
            {
                break;
            }

            content = ApplyEdits(source.Content, edits);
        }

        var normalized = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        return new ScriptFix(crlf ? normalized.Replace("\n", "\r\n", StringComparison.Ordinal) : normalized, applied);
    }

    private static IEnumerable<(int Start, int End, string Text)> EditsFor(ScriptSource source, SourceSpan span, string text, List<ProofFinding> chosen)
    {
        if (source.IsStructured)
        {
            if (span.End <= span.Start)
            {
                yield break; // the scalar was not found: never write blind
            }

            // A YAML/JSON scalar may be quoted, escaped or folded: rewrite it whole, as a JSON string (valid YAML too).
            yield return (span.Start, span.End, JsonSerializer.Serialize(TextProofer.Apply(text, chosen), Quoting));
            yield break;
        }

        foreach (var finding in chosen)
        {
            var (start, end) = span.Map(finding.Offset, finding.Length);
            yield return (start, end, finding.Replacement!);
        }
    }

    private static string ApplyEdits(string content, List<(int Start, int End, string Text)> edits)
    {
        var builder = new StringBuilder(content.Length);
        var position = 0;
        foreach (var (start, end, text) in edits.OrderBy(edit => edit.Start))
        {
            if (start < position)
            {
                continue;
            }

            builder.Append(content, position, start - position).Append(text);
            position = end;
        }

        return builder.Append(content, position, content.Length - position).ToString();
    }

    private ProofSettings SettingsFor(string model, string? voice)
    {
        var known = KnownModels.Find(model);
        return new ProofSettings
        {
            ModelId = model,
            CharacterLimit = known?.MaxCharactersPerRequest ?? KnownModels.All.Max(m => m.MaxCharactersPerRequest),
            ModelLanguages = known?.Languages ?? [],
            CreditsPerCharacter = options.CreditsPerCharacter(model),
            Language = options.Language,
            VoiceLanguage = voice is null ? null : options.VoiceLanguage?.Invoke(voice),
            Spelling = options.Spelling,
            Ignore = options.Ignore,
            Words = options.Words,
        };
    }
}
