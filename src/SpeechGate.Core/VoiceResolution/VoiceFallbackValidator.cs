using YamlDotNet.RepresentationModel;

namespace SpeechGate.VoiceResolution;

/// <summary>Checks that every fallback names a known alias, a voice id or a local voice, and that no fallbacks loop.</summary>
internal static class VoiceFallbackValidator
{
    public static void Validate(YamlFileReader reader, Dictionary<string, VoiceAlias> aliases, Dictionary<string, YamlNode> bodies)
    {
        foreach (var alias in aliases.Values)
        {
            for (var i = 0; i < alias.Fallbacks.Count; i++)
            {
                var fallback = alias.Fallbacks[i];
                if (fallback == alias.Name)
                {
                    throw reader.Error(FallbackNode(bodies[alias.Name], i), $"voice '{alias.Name}' lists itself as a fallback.");
                }

                if (!aliases.ContainsKey(fallback) && VoiceIds.LocalVoice(fallback) is null && !VoiceIds.LooksLikeVoiceId(fallback))
                {
                    throw reader.Error(FallbackNode(bodies[alias.Name], i),
                        $"voice '{alias.Name}': fallback '{fallback}' is not a known alias, a 20-character voice id or 'local:VOICE'.");
                }
            }
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alias in aliases.Values)
        {
            Visit(reader, aliases, alias, [], done);
        }
    }

    private static void Visit(YamlFileReader reader, Dictionary<string, VoiceAlias> aliases, VoiceAlias alias, List<string> path, HashSet<string> done)
    {
        if (done.Contains(alias.Name))
        {
            return;
        }

        if (path.Contains(alias.Name, StringComparer.Ordinal))
        {
            var cycle = string.Join(" -> ", path.SkipWhile(name => name != alias.Name).Append(alias.Name));
            throw new VoiceConfigurationException(reader.Path, aliases[path[^1]].Line, $"fallback cycle: {cycle}.");
        }

        path.Add(alias.Name);
        foreach (var fallback in alias.Fallbacks)
        {
            if (aliases.TryGetValue(fallback, out var next))
            {
                Visit(reader, aliases, next, path, done);
            }
        }

        path.RemoveAt(path.Count - 1);
        done.Add(alias.Name);
    }

    private static YamlNode FallbackNode(YamlNode body, int index)
    {
        var fallbacks = ((YamlMappingNode)body).Children[new YamlScalarNode("fallbacks")];
        return fallbacks is YamlSequenceNode sequence ? sequence.Children[index] : fallbacks;
    }
}
