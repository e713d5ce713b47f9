using System.Globalization;
using System.Text;

namespace SpeechGate.Server.Tests.Observability;

/// <summary>
/// A parser of the Prometheus text exposition format (version 0.0.4): HELP and TYPE comments, samples with escaped label
/// values, special floats and optional timestamps; a malformed line, a duplicate series, a sample of a family declared
/// with another TYPE after its samples, or a histogram without its <c>+Inf</c> bucket, <c>_sum</c> and <c>_count</c>
/// throws <see cref="FormatException"/>.
/// </summary>
internal sealed class PrometheusText
{
    private PrometheusText(IReadOnlyDictionary<string, string> types, IReadOnlyList<PrometheusSample> samples)
    {
        Types = types;
        Samples = samples;
    }

    /// <summary>Family name → type (counter, gauge, histogram, summary, untyped).</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    /// <summary>The sum of every sample named <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Name, string Value)[] labels)
        => Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value)).Sum(s => s.Value);

    public static PrometheusText Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<PrometheusSample>();
        var series = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (line[0] == '#')
                {
                    ParseComment(line, types, samples);
                }
                else
                {
                    var sample = ParseSample(line);
                    if (!series.Add(sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}"))
                    {
                        throw new FormatException("duplicate series");
                    }

                    samples.Add(sample);
                }
            }
            catch (FormatException error)
            {
                throw new FormatException($"line {lineNumber}: {error.Message}: {line}", error);
            }
        }

        CheckHistograms(types, samples);
        return new PrometheusText(types, samples);
    }

    private static void ParseComment(string line, Dictionary<string, string> types, List<PrometheusSample> samples)
    {
        var parts = line.Split(' ', 4);
        if (parts.Length < 3 || parts[0] != "#" || parts[1] is not ("HELP" or "TYPE"))
        {
            return; // an ordinary comment
        }

        var name = parts[2];
        RequireName(name, allowColon: true);
        if (parts[1] == "TYPE")
        {
            var type = parts.Length == 4 ? parts[3] : throw new FormatException("TYPE without a type");
            if (type is not ("counter" or "gauge" or "histogram" or "summary" or "untyped"))
            {
                throw new FormatException($"unknown type {type}");
            }

            if (types.ContainsKey(name) || samples.Any(s => FamilyOf(s.Name, types) == name))
            {
                throw new FormatException($"TYPE for {name} after its samples or twice");
            }

            types[name] = type;
        }
    }

    private static PrometheusSample ParseSample(string line)
    {
        var position = 0;
        var name = ReadName(line, ref position, allowColon: true);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (true)
            {
                if (position < line.Length && line[position] == '}')
                {
                    position++;
                    break;
                }

                var label = ReadName(line, ref position, allowColon: false);
                Expect(line, ref position, '=');
                var value = ReadQuoted(line, ref position);
                if (!labels.TryAdd(label, value))
                {
                    throw new FormatException($"label {label} twice");
                }

                if (position < line.Length && line[position] == ',')
                {
                    position++;
                }
                else if (position >= line.Length || line[position] != '}')
                {
                    throw new FormatException("expected , or }");
                }
            }
        }

        Expect(line, ref position, ' ');
        var fields = line[position..].Split(' ');
        if (fields.Length is < 1 or > 2)
        {
            throw new FormatException("expected a value and an optional timestamp");
        }

        var number = fields[0] switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        if (fields.Length == 2)
        {
            _ = long.Parse(fields[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        return new PrometheusSample(name, labels, number);
    }

    private static string ReadName(string line, ref int position, bool allowColon)
    {
        var start = position;
        while (position < line.Length && (char.IsAsciiLetterOrDigit(line[position]) || line[position] == '_' || (allowColon && line[position] == ':')))
        {
            position++;
        }

        var name = line[start..position];
        RequireName(name, allowColon);
        return name;
    }

    private static void RequireName(string name, bool allowColon)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':'))))
        {
            throw new FormatException($"invalid name '{name}'");
        }
    }

    private static string ReadQuoted(string line, ref int position)
    {
        Expect(line, ref position, '"');
        var value = new StringBuilder();
        while (true)
        {
            if (position >= line.Length)
            {
                throw new FormatException("unterminated label value");
            }

            var c = line[position++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c == '\\')
            {
                var escaped = position < line.Length ? line[position++] : throw new FormatException("dangling escape");
                value.Append(escaped switch
                {
                    'n' => '\n',
                    '\\' => '\\',
                    '"' => '"',
                    _ => throw new FormatException($"bad escape \\{escaped}"),
                });
            }
            else
            {
                value.Append(c);
            }
        }
    }

    private static void Expect(string line, ref int position, char expected)
    {
        if (position >= line.Length || line[position] != expected)
        {
            throw new FormatException($"expected '{expected}' at {position}");
        }

        position++;
    }

    private static string FamilyOf(string sample, Dictionary<string, string> types)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(sample[..^suffix.Length], out var type) && type is "histogram" or "summary")
            {
                return sample[..^suffix.Length];
            }
        }

        return sample;
    }

    private static void CheckHistograms(Dictionary<string, string> types, List<PrometheusSample> samples)
    {
        foreach (var (family, _) in types.Where(t => t.Value == "histogram"))
        {
            var buckets = samples.Where(s => s.Name == family + "_bucket").ToList();
            foreach (var group in buckets.GroupBy(b => string.Join(",", b.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value))))
            {
                var inf = group.SingleOrDefault(b => b.Labels.GetValueOrDefault("le") == "+Inf") ?? throw new FormatException($"{family} {{{group.Key}}} has no +Inf bucket");
                var ordered = group.Where(b => b.Labels.ContainsKey("le")).OrderBy(b => b.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(b.Labels["le"], CultureInfo.InvariantCulture)).ToList();
                for (var i = 1; i < ordered.Count; i++)
                {
                    if (ordered[i].Value < ordered[i - 1].Value)
                    {
                        throw new FormatException($"{family} buckets are not cumulative");
                    }
                }

                var count = samples.SingleOrDefault(s => s.Name == family + "_count" && SameSeries(s, group.First())) ?? throw new FormatException($"{family} has no _count");
                _ = samples.SingleOrDefault(s => s.Name == family + "_sum" && SameSeries(s, group.First())) ?? throw new FormatException($"{family} has no _sum");
                if (count.Value != inf.Value)
                {
                    throw new FormatException($"{family}_count differs from its +Inf bucket");
                }
            }
        }
    }

    private static bool SameSeries(PrometheusSample sample, PrometheusSample bucket)
        => sample.Labels.Count == bucket.Labels.Count - 1 && sample.Labels.All(l => bucket.Labels.TryGetValue(l.Key, out var v) && v == l.Value);
}
