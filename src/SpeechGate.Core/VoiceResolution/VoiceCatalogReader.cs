using SpeechGate.Synthesis;
using YamlDotNet.RepresentationModel;

namespace SpeechGate.VoiceResolution;

/// <summary>Parses and validates <c>voices.yaml</c>: unknown keys, unknown aliases and fallback cycles are errors with a line.</summary>
/// <remarks>
/// <code>
/// voices:
///   narrator:                         # the alias requests use as a voice id
///     voice_id: JBFqnCBsd6RMkjVDRZzb  # the provider voice (a pin in voices.lock replaces it with a stable id)
///     provider: elevenlabs            # optional
///     model: eleven_flash_v2_5        # optional default
///     settings: { stability: 0.4, speed: 1.05 }
///     fallbacks: [backup, 21m00Tcm4TlvDq8ikWAM, local:en-us]
///     dev: en-us                      # local voice used in dev mode
///   backup: EXAVITQu4vr4xnVKLDIG      # short form: alias: voice_id
/// dev:
///   default: en-us                    # dev mode: local voice for anything unmapped
///   voices: { 21m00Tcm4TlvDq8ikWAM: en-gb }
/// </code>
/// </remarks>
internal static class VoiceCatalogReader
{
    private static readonly string[] AliasKeys = ["voice_id", "provider", "model", "settings", "fallbacks", "dev"];
    private static readonly string[] SettingKeys = ["stability", "similarity_boost", "style", "use_speaker_boost", "speed"];

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static VoiceCatalog Read(string path) => Parse(path, ReadText(path));

    /// <summary>Parses <paramref name="text"/>; <paramref name="path"/> names the file in errors.</summary>
    public static VoiceCatalog Parse(string path, string text)
    {
        var reader = new YamlFileReader(path);
        var root = reader.LoadRoot(text);
        var aliases = new Dictionary<string, VoiceAlias>(StringComparer.Ordinal);
        var bodies = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var devVoices = new Dictionary<string, string>(StringComparer.Ordinal);
        string? devDefault = null;
        if (root is null)
        {
            return new VoiceCatalog(path, aliases, devVoices, null);
        }

        foreach (var (key, _, value) in reader.Entries(root, "voices.yaml", "voices", "dev"))
        {
            if (key == "voices")
            {
                foreach (var (name, nameNode, body) in reader.Entries(reader.Mapping(value, "'voices'"), "'voices'"))
                {
                    aliases[name] = ReadAlias(reader, name, nameNode, body);
                    bodies[name] = body;
                }
            }
            else
            {
                devDefault = ReadDev(reader, value, devVoices);
            }
        }

        VoiceFallbackValidator.Validate(reader, aliases, bodies);
        return new VoiceCatalog(path, aliases, devVoices, devDefault);
    }

    internal static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new VoiceConfigurationException(path, 0, "cannot read: " + error.Message, error);
        }
    }

    private static VoiceAlias ReadAlias(YamlFileReader reader, string name, YamlNode nameNode, YamlNode body)
    {
        var line = (int)nameNode.Start.Line;
        if (body is YamlScalarNode)
        {
            return new VoiceAlias(name, reader.Scalar(body, $"voice '{name}'")) { Line = line };
        }

        var alias = new VoiceAlias(name, "") { Line = line };
        foreach (var (key, _, value) in reader.Entries(reader.Mapping(body, $"voice '{name}'"), $"voice '{name}'", AliasKeys))
        {
            alias = key switch
            {
                "voice_id" => alias with { VoiceId = reader.Scalar(value, "voice_id") },
                "provider" => alias with { Provider = reader.Scalar(value, "provider") },
                "model" => alias with { ModelId = reader.Scalar(value, "model") },
                "settings" => alias with { Settings = ReadSettings(reader, value) },
                "fallbacks" => alias with { Fallbacks = ReadList(reader, value, "fallbacks") },
                _ => alias with { DevVoiceId = reader.Scalar(value, "dev") },
            };
        }

        return alias.VoiceId.Length > 0 ? alias : throw reader.Error(nameNode, $"voice '{name}' has no voice_id.");
    }

    internal static VoiceSettings ReadSettings(YamlFileReader reader, YamlNode node)
    {
        var settings = new VoiceSettings();
        foreach (var (key, _, value) in reader.Entries(reader.Mapping(node, "settings"), "settings", SettingKeys))
        {
            settings = key switch
            {
                "stability" => settings with { Stability = reader.Number(value, key) },
                "similarity_boost" => settings with { SimilarityBoost = reader.Number(value, key) },
                "style" => settings with { Style = reader.Number(value, key) },
                "use_speaker_boost" => settings with { UseSpeakerBoost = reader.Boolean(value, key) },
                _ => settings with { Speed = reader.Number(value, key) },
            };
        }

        return settings;
    }

    private static string[] ReadList(YamlFileReader reader, YamlNode node, string what)
        => node is YamlSequenceNode sequence
            ? [.. sequence.Children.Select(item => reader.Scalar(item, $"an entry of {what}"))]
            : [reader.Scalar(node, what)];

    private static string? ReadDev(YamlFileReader reader, YamlNode node, Dictionary<string, string> devVoices)
    {
        string? devDefault = null;
        foreach (var (key, _, value) in reader.Entries(reader.Mapping(node, "'dev'"), "'dev'", "default", "voices"))
        {
            if (key == "default")
            {
                devDefault = reader.Scalar(value, "dev default");
                continue;
            }

            foreach (var (from, _, to) in reader.Entries(reader.Mapping(value, "dev voices"), "dev voices"))
            {
                devVoices[from] = reader.Scalar(to, $"the dev voice for '{from}'");
            }
        }

        return devDefault;
    }
}
