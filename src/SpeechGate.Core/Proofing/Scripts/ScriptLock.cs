using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SpeechGate.Proofing.Lexicons;
using SpeechGate.Synthesis;
using SpeechGate.Voiceover;

namespace SpeechGate.Proofing.Scripts;

/// <summary>
/// <c>SCRIPT.lock</c>: per line its id, proofed-text hash, voice, model and lexicon version, written by
/// <c>speechgate proof --lock</c>. <c>render --require-lock</c> refuses a script whose lines changed since (see <see cref="Compare"/>).
/// </summary>
public sealed class ScriptLock
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Creates a lock of <paramref name="lines"/>.</summary>
    public ScriptLock(IReadOnlyList<ScriptLockLine> lines) => Lines = lines ?? throw new ArgumentNullException(nameof(lines));

    /// <summary>The lines, in script order.</summary>
    public IReadOnlyList<ScriptLockLine> Lines { get; }

    /// <summary>Where the lock of <paramref name="scriptPath"/> lives: beside it, <c>SCRIPT.lock</c>.</summary>
    public static string PathFor(string scriptPath) => scriptPath + ".lock";

    /// <summary>The lock <paramref name="script"/> would have now, with the given defaults and lexicon.</summary>
    public static ScriptLock Create(VoiceoverScript script, string? defaultVoice = null, string? defaultModel = null, PronunciationLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(script);
        return new ScriptLock([.. script.Lines.Select((line, i) => new ScriptLockLine(
            line.Id ?? $"line-{i + 1}",
            HashOf(TextProofer.Normalize(line.Text)),
            line.Voice ?? script.Voice ?? defaultVoice,
            line.Model ?? script.Model ?? defaultModel,
            lexicon?.MatchesIn(line.Text) is { Count: > 0 } matches ? PronunciationLexicon.VersionOf(matches) : null))]);
    }

    /// <summary>Reads a lock file.</summary>
    /// <exception cref="SpeechException">422: the file is not a script lock.</exception>
    public static ScriptLock Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var file = JsonSerializer.Deserialize<LockFile>(File.ReadAllText(path), Json);
            return new ScriptLock(file?.Lines ?? throw SpeechException.Validation("lock", $"{path}: not a script lock (no 'lines')."));
        }
        catch (JsonException error)
        {
            throw SpeechException.Validation("lock", $"{path}: not a script lock ({error.Message})");
        }
    }

    /// <summary>Writes the lock through a temporary file and a rename.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(new LockFile(1, Lines), Json) + "\n", cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The lines of <paramref name="current"/> that differ from this lock (added, removed, changed), in script order.</summary>
    public IReadOnlyList<ScriptLockChange> Compare(ScriptLock current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var locked = Lines.GroupBy(line => line.Id, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var changes = new List<ScriptLockChange>();
        foreach (var line in current.Lines)
        {
            if (!locked.Remove(line.Id, out var before))
            {
                changes.Add(new ScriptLockChange(line.Id, "added", []));
                continue;
            }

            var fields = new List<string>();
            AddIf(fields, "text", before.TextSha256 != line.TextSha256);
            AddIf(fields, "voice", before.Voice != line.Voice);
            AddIf(fields, "model", before.Model != line.Model);
            AddIf(fields, "lexicon", before.Lexicon != line.Lexicon);
            if (fields.Count > 0)
            {
                changes.Add(new ScriptLockChange(line.Id, "changed", fields));
            }
        }

        changes.AddRange(Lines.Where(line => locked.ContainsKey(line.Id)).Select(line => new ScriptLockChange(line.Id, "removed", [])));
        return changes;
    }

    /// <summary>SHA-256 (lower-case hex) of <paramref name="text"/> as UTF-8.</summary>
    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void AddIf(List<string> fields, string field, bool differs)
    {
        if (differs)
        {
            fields.Add(field);
        }
    }

    private sealed record LockFile(int Version, IReadOnlyList<ScriptLockLine> Lines);
}
