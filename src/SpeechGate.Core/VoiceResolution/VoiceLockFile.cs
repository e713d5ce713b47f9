using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SpeechGate.VoiceResolution;

/// <summary>Reads and atomically writes <c>voices.lock</c> (YAML), the pins a team commits.</summary>
public static class VoiceLockFile
{
    private const int Version = 1;
    private static readonly string[] PinKeys = ["voice_id", "original_voice_id", "category", "provider", "name", "owner", "settings", "samples", "checked_at"];

    /// <summary>Reads the lockfile, or returns <see cref="VoiceLock.Empty"/> when it does not exist.</summary>
    public static VoiceLock Read(string path)
        => File.Exists(path) ? Parse(path, VoiceCatalogReader.ReadText(path)) : VoiceLock.Empty;

    /// <summary>Parses lockfile text; <paramref name="path"/> names the file in errors.</summary>
    public static VoiceLock Parse(string path, string text)
    {
        var reader = new YamlFileReader(path);
        var root = reader.LoadRoot(text);
        var pins = ImmutableSortedDictionary.CreateBuilder<string, VoicePin>(StringComparer.Ordinal);
        if (root is null)
        {
            return VoiceLock.Empty;
        }

        foreach (var (key, _, value) in reader.Entries(root, "voices.lock", "version", "voices"))
        {
            if (key == "version")
            {
                if (reader.Scalar(value, "version") != Version.ToString(CultureInfo.InvariantCulture))
                {
                    throw reader.Error(value, $"unsupported lockfile version; this SpeechGate reads version {Version}.");
                }

                continue;
            }

            foreach (var (name, nameNode, body) in reader.Entries(reader.Mapping(value, "'voices'"), "'voices'"))
            {
                pins[name] = ReadPin(reader, name, nameNode, body);
            }
        }

        return new VoiceLock(pins.ToImmutable());
    }

    /// <summary>Writes the lockfile through a temporary sibling and a rename, so readers never see half a file.</summary>
    public static async Task WriteAsync(string path, VoiceLock voiceLock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(voiceLock);
        var fullPath = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await using var writer = new StreamWriter(stream);
                await writer.WriteAsync("# voices.lock: written by `speechgate voices pin`; commit it. Aliases and voice ids -> stable voice ids.\n");
                await writer.WriteAsync(VoiceLockYaml.ToText(voiceLock, Version));
                await writer.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static VoicePin ReadPin(YamlFileReader reader, string name, YamlNode nameNode, YamlNode body)
    {
        var pin = new VoicePin("", "", "") { Line = (int)nameNode.Start.Line };
        foreach (var (key, _, value) in reader.Entries(reader.Mapping(body, $"pin '{name}'"), $"pin '{name}'", PinKeys))
        {
            pin = key switch
            {
                "voice_id" => pin with { VoiceId = reader.Scalar(value, key) },
                "original_voice_id" => pin with { OriginalVoiceId = reader.Scalar(value, key) },
                "category" => pin with { Category = reader.Scalar(value, key) },
                "provider" => pin with { Provider = reader.Scalar(value, key) },
                "name" => pin with { Name = reader.Scalar(value, key) },
                "owner" => pin with { Owner = reader.Scalar(value, key) },
                "settings" => pin with { Settings = VoiceCatalogReader.ReadSettings(reader, value) },
                "samples" => pin with { Samples = ReadSamples(reader, name, value) },
                _ => pin with { CheckedAt = ReadTime(reader, value) },
            };
        }

        if (pin.VoiceId.Length == 0)
        {
            throw reader.Error(nameNode, $"pin '{name}' has no voice_id.");
        }

        return pin with { OriginalVoiceId = pin.OriginalVoiceId.Length > 0 ? pin.OriginalVoiceId : pin.VoiceId };
    }

    private static VoiceSampleRecord[] ReadSamples(YamlFileReader reader, string name, YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw reader.Error(node, $"samples of pin '{name}' must be a list.");
        }

        return [.. sequence.Children.Select(item =>
        {
            string? file = null, sha256 = null;
            long bytes = 0, duration = 0;
            foreach (var (key, _, value) in reader.Entries(reader.Mapping(item, "a sample"), "a sample", "file", "sha256", "bytes", "duration_ms"))
            {
                switch (key)
                {
                    case "file":
                        file = reader.Scalar(value, key);
                        break;
                    case "sha256":
                        sha256 = reader.Scalar(value, key);
                        break;
                    case "bytes":
                        bytes = (long)reader.Number(value, key);
                        break;
                    default:
                        duration = (long)reader.Number(value, key);
                        break;
                }
            }

            return file is null || sha256 is null
                ? throw reader.Error(item, $"a sample of pin '{name}' needs file and sha256.")
                : new VoiceSampleRecord(file, sha256, bytes, duration);
        })];
    }

    private static DateTimeOffset ReadTime(YamlFileReader reader, YamlNode node)
        => DateTimeOffset.TryParse(reader.Scalar(node, "checked_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw reader.Error(node, "checked_at must be an ISO 8601 time.");
}
