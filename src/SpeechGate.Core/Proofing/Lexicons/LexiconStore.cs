using System.Collections.Concurrent;

namespace SpeechGate.Proofing.Lexicons;

/// <summary>Lexicon files by path, read again when the file changes (an edited lexeme applies without a restart).</summary>
/// <remarks>Thread-safe. A file that became unreadable keeps its last good version.</remarks>
public sealed class LexiconStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The lexicon at <paramref name="path"/>, as the file is now.</summary>
    /// <exception cref="Synthesis.SpeechException">422: the file is not a PLS lexicon (and was never read well).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public PronunciationLexicon Get(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"No lexicon file {path}.", path);
        }

        var stamp = (info.LastWriteTimeUtc.Ticks, info.Length);
        if (_entries.TryGetValue(path, out var entry) && entry.Stamp == stamp)
        {
            return entry.Lexicon;
        }

        var lexicon = PronunciationLexicon.Read(path);
        _entries[path] = new Entry(stamp, lexicon);
        return lexicon;
    }

    private sealed record Entry((long Ticks, long Length) Stamp, PronunciationLexicon Lexicon);
}
