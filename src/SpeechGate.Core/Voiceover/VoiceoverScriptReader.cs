using SpeechGate.Audio;
using SpeechGate.Synthesis;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SpeechGate.Voiceover;

/// <summary>Reads scripts (YAML, JSON, SRT, WebVTT, CSV or plain text) and turns them into speech requests.</summary>
public static partial class VoiceoverScriptReader
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
        switch (extension)
        {
            case ".srt" or ".vtt":
                return Captions(SubtitleReader.Parse(content, name), name);
            case ".csv":
                return CsvScriptReader.Parse(content, name);
            case not (".yaml" or ".yml" or ".json"):
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
            VoiceSettings = Settings(line.Settings, script.Settings) ?? template?.VoiceSettings,
            LanguageCode = line.Language ?? script.Language ?? template?.LanguageCode,
            Format = format,
            Project = script.Project ?? template?.Project,
            LineId = line.Id,
        });
    }

    // One line per cue, said as displayed minus markup, spoken by its <v Name> (a voice alias), placed at its time. Ids
    // name files, so: a WebVTT id that is file-safe as it is, cue-<counter> for SRT's counters, cue-N otherwise.
    private static VoiceoverScript Captions(IReadOnlyList<SubtitleCue> cues, string name)
    {
        var script = new VoiceoverScript();
        foreach (var (cue, i) in cues.Select((cue, i) => (cue, i)))
        {
            if (cue.SpokenText.Length == 0)
            {
                throw SpeechException.Validation("script", $"{name}:{cue.Line}: the cue has no text.");
            }

            var id = cue.Id is { } own && SafeCueId().IsMatch(own) ? (own.All(char.IsAsciiDigit) ? $"cue-{own}" : own) : $"cue-{i + 1}";
            script.Lines.Add(new VoiceoverLine { Id = id, Text = cue.SpokenText, Voice = cue.Speaker, Start = cue.Start.TotalSeconds, End = cue.End.TotalSeconds });
        }

        return script;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex SafeCueId();

    private static VoiceSettings? Settings(VoiceSettings? line, VoiceSettings? script)
        => line is null ? script : script is null ? line : line.WithDefaults(script);

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
