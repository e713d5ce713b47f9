using System.Globalization;
using SpeechGate.Synthesis;
using YamlDotNet.RepresentationModel;

namespace SpeechGate.VoiceResolution;

/// <summary>Builds the YAML document of a lockfile (keys in a fixed order, so diffs stay small).</summary>
internal static class VoiceLockYaml
{
    public static string ToText(VoiceLock voiceLock, int version)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        ToStream(voiceLock, version).Save(text, assignAnchors: false);

        // The emitter closes the document with an explicit "..." marker; a lockfile reads better without it.
        var yaml = text.ToString().ReplaceLineEndings("\n");
        return yaml.EndsWith("...\n", StringComparison.Ordinal) ? yaml[..^4] : yaml;
    }

    private static YamlStream ToStream(VoiceLock voiceLock, int version)
    {
        var voices = new YamlMappingNode();
        foreach (var (key, pin) in voiceLock.Pins)
        {
            voices.Add(key, ToNode(pin));
        }

        var root = new YamlMappingNode { { "version", version.ToString(CultureInfo.InvariantCulture) }, { "voices", voices } };
        return new YamlStream(new YamlDocument(root));
    }

    private static YamlMappingNode ToNode(VoicePin pin)
    {
        var node = new YamlMappingNode { { "voice_id", pin.VoiceId }, { "original_voice_id", pin.OriginalVoiceId }, { "category", pin.Category } };
        AddIfSet(node, "provider", pin.Provider);
        AddIfSet(node, "name", pin.Name);
        AddIfSet(node, "owner", pin.Owner);
        if (pin.Settings is { } settings)
        {
            node.Add("settings", ToNode(settings));
        }

        if (pin.Samples.Count > 0)
        {
            var samples = new YamlSequenceNode();
            foreach (var sample in pin.Samples)
            {
                samples.Add(new YamlMappingNode
                {
                    { "file", sample.FileName },
                    { "sha256", sample.Sha256 },
                    { "bytes", sample.Bytes.ToString(CultureInfo.InvariantCulture) },
                    { "duration_ms", sample.DurationMs.ToString(CultureInfo.InvariantCulture) },
                });
            }

            node.Add("samples", samples);
        }

        node.Add("checked_at", pin.CheckedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        return node;
    }

    private static YamlMappingNode ToNode(VoiceSettings settings)
    {
        var node = new YamlMappingNode();
        AddIfSet(node, "stability", Number(settings.Stability));
        AddIfSet(node, "similarity_boost", Number(settings.SimilarityBoost));
        AddIfSet(node, "style", Number(settings.Style));
        AddIfSet(node, "use_speaker_boost", settings.UseSpeakerBoost is { } boost ? (boost ? "true" : "false") : null);
        AddIfSet(node, "speed", Number(settings.Speed));
        return node;
    }

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static void AddIfSet(YamlMappingNode node, string key, string? value)
    {
        if (value is not null)
        {
            node.Add(key, value);
        }
    }
}
