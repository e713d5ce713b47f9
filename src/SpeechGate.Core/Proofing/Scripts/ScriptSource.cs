using SpeechGate.Voiceover;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpeechGate.Proofing.Scripts;

/// <summary>A script with, for each line, where its text sits in the file: for positions (line:column) and for fixes.</summary>
internal sealed class ScriptSource
{
    private readonly List<int> _lineStarts = [0];

    private ScriptSource(string content, string name, bool crlf)
    {
        Content = content;
        Name = name;
        UsesCrlf = crlf;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The file's text with <c>\r\n</c> as <c>\n</c>.</summary>
    public string Content { get; }

    public string Name { get; }

    public bool UsesCrlf { get; }

    public VoiceoverScript Script { get; private set; } = new();

    public List<SourceSpan> Spans { get; } = [];

    /// <summary>Whether a line's text is a YAML/JSON scalar (fixes rewrite the whole scalar, quoted).</summary>
    public bool IsStructured { get; private set; }

    public static ScriptSource Read(string content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        var crlf = content.Contains("\r\n", StringComparison.Ordinal);
        var source = new ScriptSource(content.Replace("\r\n", "\n", StringComparison.Ordinal), name, crlf);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (SubtitleReader.IsSubtitleFile(name))
        {
            source.ReadCaptions();
        }
        else if (extension is ".yaml" or ".yml" or ".json")
        {
            source.ReadStructured();
        }
        else
        {
            source.ReadPlainText();
        }

        return source;
    }

    /// <summary>1-based line and column of a character offset in <see cref="Content"/>.</summary>
    public (int Line, int Column) Position(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    private void ReadPlainText()
    {
        Script = VoiceoverScriptReader.Parse(Content, Name);
        // The reader splits on blank lines and trims; find each paragraph where it sits, in order.
        var position = 0;
        foreach (var line in Script.Lines)
        {
            var start = Content.IndexOf(line.Text, position, StringComparison.Ordinal);
            Spans.Add(new SourceSpan(start, start + line.Text.Length, Content, line.Text));
            position = start + line.Text.Length;
        }
    }

    private void ReadCaptions()
    {
        var cues = SubtitleReader.Parse(Content, Name);
        Script = VoiceoverScriptReader.Parse(Content, Name);
        for (var i = 0; i < cues.Count; i++)
        {
            Spans.Add(new SourceSpan(cues[i].Offset, cues[i].Offset + cues[i].Text.Length, Content, Script.Lines[i].Text));
        }
    }

    private void ReadStructured()
    {
        IsStructured = true;
        Script = VoiceoverScriptReader.ParseAllowingEmptyLines(Content, Name);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(Content));
        }
        catch (YamlException)
        {
            return; // the reader above already accepted it; positions fall back to the file's start
        }

        var lines = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("lines"), out var node) && node is YamlSequenceNode sequence ? sequence : null;
        for (var i = 0; i < Script.Lines.Count; i++)
        {
            var text = lines is not null && i < lines.Children.Count && lines.Children[i] is YamlMappingNode mapping
                && mapping.Children.TryGetValue(new YamlScalarNode("text"), out var value) ? value as YamlScalarNode : null;
            var start = text is null ? 0 : (int)text.Start.Index;
            var end = text is null ? 0 : (int)text.End.Index;
            while (end > start && Content[end - 1] == '\n')
            {
                end--;
            }

            Spans.Add(new SourceSpan(start, end, Content, Script.Lines[i].Text));
        }
    }
}
