using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpeechGate.VoiceResolution;

/// <summary>Reads a small YAML file node by node, turning every problem into an error naming the file and line.</summary>
internal sealed class YamlFileReader(string path)
{
    public string Path { get; } = path;

    /// <summary>The root mapping, or null for an empty file.</summary>
    public YamlMappingNode? LoadRoot(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            var problem = error.InnerException is YamlException inner ? $"{error.Message} {inner.Message}" : error.Message;
            throw new VoiceConfigurationException(Path, (int)error.Start.Line, "malformed YAML: " + problem, error);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        return Mapping(stream.Documents[0].RootNode, "the document");
    }

    public VoiceConfigurationException Error(YamlNode node, string problem) => new(Path, (int)node.Start.Line, problem);

    public YamlMappingNode Mapping(YamlNode node, string what)
        => node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value).");

    public string Scalar(YamlNode node, string what)
        => node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(node, $"{what} must be a non-empty text value.");

    public double Number(YamlNode node, string what)
        => double.TryParse(Scalar(node, what), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, $"{what} must be a number.");

    public bool Boolean(YamlNode node, string what)
        => bool.TryParse(Scalar(node, what), out var value) ? value : throw Error(node, $"{what} must be true or false.");

    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Scalar(keyNode, "a key");
            if (allowed.Length > 0 && !allowed.Contains(key, StringComparer.Ordinal))
            {
                throw Error(keyNode, $"unknown key '{key}' in {what}; expected one of: {string.Join(", ", allowed)}.");
            }

            yield return (key, keyNode, value);
        }
    }
}
