using SpeechGate.Audio;
using SpeechGate.Synthesis;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SpeechGate.Voiceover;

/// <summary>Reads scripts (YAML, JSON, SRT/WebVTT captions or plain text) and turns them into speech requests.</summary>
public static class VoiceoverScriptReader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    /// <summary>Parses <paramref name="content"/>; <paramref name="name"/> (a file name) picks the format and names errors.</summary>
    public static VoiceoverScript Parse(string content, string name) => Parse(content, name, allowEmptyLines: false);

    /// <summary>As <see cref="Parse(string, string)"/>, but a YAML/JSON line without text is kept (proofing reports it as <c>SG-EMPTY</c>).</summary>
    internal static VoiceoverScript ParseAllowingEmptyLines(string content, string name) => Parse(content, name, allowEmptyLines: true);

    private static VoiceoverScript Parse(string content, string name, bool allowEmptyLines)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (SubtitleReader.IsSubtitleFile(name))
        {
            return Captions(SubtitleReader.Parse(content, name));
        }

        if (extension is not (".yaml" or ".yml" or ".json"))
        {
            return PlainText(content);
        }

        try
        {
            var script = Yaml.Deserialize<VoiceoverScript?>(content) ?? new VoiceoverScript();
            for (var i = 0; i < script.Lines.Count; i++)
            {
                script.Lines[i].Text ??= "";
                if (!allowEmptyLines && string.IsNullOrWhiteSpace(script.Lines[i].Text))
                {
                    throw SpeechException.Validation("lines", $"{name}: line {i + 1} of the script has no text.");
                }

                script.Lines[i].Id ??= $"line-{i + 1}";
            }

            return script;
        }
        catch (YamlException error)
        {
            throw SpeechException.Validation("script", $"{name}:{error.Start.Line}: {ScriptMessages.Describe(error.InnerException?.Message ?? error.Message)}");
        }
    }

    /// <summary>One request per line, defaults filled in from the script.</summary>
    public static IReadOnlyList<SpeechRequest> ToRequests(VoiceoverScript script, string defaultVoice, SpeechRequest? template = null)
    {
        ArgumentNullException.ThrowIfNull(script);
        var format = AudioFormat.Parse(script.Format ?? (template?.Format ?? AudioFormat.Default).Name);
        return script.Lines.ConvertAll(line => (template ?? new SpeechRequest("", "")) with
        {
            Text = line.Text,
            VoiceId = line.Voice ?? script.Voice ?? defaultVoice,
            ModelId = line.Model ?? script.Model ?? template?.ModelId,
            Format = format,
            Project = script.Project ?? template?.Project,
            LineId = line.Id,
        });
    }

    // One line per cue, said as displayed minus markup; ids are the cue's own (SRT counter, WebVTT id) or cue-N.
    private static VoiceoverScript Captions(IReadOnlyList<SubtitleCue> cues)
        => new()
        {
            Lines = [.. cues.Select((cue, i) => new VoiceoverLine
            {
                Id = string.IsNullOrEmpty(cue.Id) ? $"cue-{i + 1}" : cue.Id,
                Text = cue.SpokenText,
                Start = cue.Start,
                End = cue.End,
            })],
        };

    private static VoiceoverScript PlainText(string content)
    {
        var paragraphs = content.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new VoiceoverScript
        {
            Lines = [.. paragraphs.Select((text, i) => new VoiceoverLine { Id = $"line-{i + 1}", Text = text })],
        };
    }
}
