using System.Text;
using SpeechGate.Synthesis;

namespace SpeechGate.Voiceover;

/// <summary>Reads CSV scripts, <c>speaker,line[,start,end]</c> (RFC 4180 quoting; a header row is optional).</summary>
public static class CsvScriptReader
{
    /// <summary>Parses <paramref name="content"/>; <paramref name="name"/> names errors.</summary>
    public static VoiceoverScript Parse(string content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        var script = new VoiceoverScript();
        var rowNumber = 0;
        foreach (var row in Rows(content.TrimStart('\uFEFF'), name))
        {
            rowNumber++;
            if (row.Count == 0 || (row.Count == 1 && row[0].Length == 0))
            {
                continue;
            }

            if (rowNumber == 1 && row[0].Trim().Equals("speaker", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (row.Count is < 2 or > 4 || string.IsNullOrWhiteSpace(row[1]))
            {
                throw SpeechException.Validation("script", $"{name}: row {rowNumber}: expected 'speaker,line[,start,end]' with a non-empty line.");
            }

            var line = new VoiceoverLine { Id = $"line-{script.Lines.Count + 1}", Text = row[1].Trim(), Voice = Blank(row[0]) };
            line.Start = Time(row, 2, name, rowNumber);
            line.End = Time(row, 3, name, rowNumber);
            script.Lines.Add(line);
        }

        return script;
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static double? Time(List<string> row, int index, string name, int rowNumber)
    {
        if (row.Count <= index || string.IsNullOrWhiteSpace(row[index]))
        {
            return null;
        }

        return CueTime.TryParse(row[index], out var seconds) ? seconds
            : throw SpeechException.Validation("script", $"{name}: row {rowNumber}: '{row[index]}' is not a time (seconds or hh:mm:ss.mmm).");
    }

    private static IEnumerable<List<string>> Rows(string content, string name)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw SpeechException.Validation("script", $"{name}: a quoted field is never closed.");
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
